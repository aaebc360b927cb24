package eu.lexbridge.backend.soap.auth;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import java.util.Objects;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;

/**
 * The back-end a SOAP call was authenticated as, kept on the call's exchange. The operations read it here and take no
 * back-end name from the request, so no call can act for another back-end.
 */
public record CallingBackend(String name) {

    public CallingBackend {
        Objects.requireNonNull(name, "name");
    }

    /** The back-end of the call being served on this thread. */
    public static CallingBackend current() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        CallingBackend backend = message == null ? null : message.getExchange().get(CallingBackend.class);
        if (backend == null) { // the authentication interceptor did not run: refuse rather than guess
            throw new ConnectorException(ErrorCode.NOT_AUTHENTICATED, "the back-end is not authenticated");
        }
        return backend;
    }
}
