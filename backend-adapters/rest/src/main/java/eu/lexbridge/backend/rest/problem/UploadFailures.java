package eu.lexbridge.backend.rest.problem;

import eu.lexbridge.core.error.ConnectorException;
import java.util.Optional;

/**
 * Names what the servlet container's multipart parser refused. Containers report their limits (part count, a part's
 * header size, request size) in their own exception types, which Spring wraps as "upload too large" whatever the limit
 * was; the container-specific implementation (Tomcat's in {@code eu.lexbridge.backend.rest.tomcat}) says which.
 */
@FunctionalInterface
public interface UploadFailures {

    /** Knows no container: every multipart failure keeps its generic problem. */
    UploadFailures NONE = failure -> Optional.empty();

    /** @return the connector failure {@code failure} stands for, or empty when it is none of the container's limits */
    Optional<ConnectorException> translate(Throwable failure);
}
