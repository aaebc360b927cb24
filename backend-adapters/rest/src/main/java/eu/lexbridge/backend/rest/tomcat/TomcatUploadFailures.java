package eu.lexbridge.backend.rest.tomcat;

import eu.lexbridge.backend.rest.problem.UploadFailures;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.flow.Submission;
import java.util.Optional;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;

/**
 * Tomcat's multipart refusals, named: more parts than {@code server.tomcat.max-part-count}, or a part whose header
 * section exceeds {@code server.tomcat.max-part-header-size} (Tomcat reports both as a size limit).
 */
public final class TomcatUploadFailures implements UploadFailures {

    /** The part whose number the part count caps in practice: every other part is sent at most once. */
    private static final String ATTACHMENTS = "attachments";

    private final long maxPartHeaderBytes;

    /** @param maxPartHeaderBytes Tomcat's limit on one part's header section, to tell it from the request limit */
    public TomcatUploadFailures(long maxPartHeaderBytes) {
        this.maxPartHeaderBytes = maxPartHeaderBytes;
    }

    @Override
    public Optional<ConnectorException> translate(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof FileCountLimitExceededException e) {
                return Optional.of(new ConnectorException(ErrorCode.TOO_MANY_PARTS, ATTACHMENTS, "the request has "
                        + "more than " + e.getLimit() + " parts, the most the server reads; a submission has at most "
                        + Submission.MAX_ATTACHMENTS + " attachments", e));
            }
            if (cause instanceof SizeLimitExceededException e && e.getPermittedSize() == maxPartHeaderBytes) {
                return Optional.of(new ConnectorException(ErrorCode.MALFORMED_REQUEST, null, "a part's headers are "
                        + "longer than " + maxPartHeaderBytes + " bytes (a file name or content type that long cannot "
                        + "be used)", e));
            }
        }
        return Optional.empty();
    }
}
