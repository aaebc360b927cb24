package eu.lexbridge.backend.soap.service;

import eu.lexbridge.backend.soap.auth.CallingBackend;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.log.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * How every SOAP operation of the connector runs: for the authenticated back-end ({@link CallingBackend}), never for a
 * name the request gives, and with every failure leaving as a fault with a code. A {@link ConnectorException} is the
 * caller's or the connector's stated refusal ({@link SoapFaults#of}); anything else is a Receiver fault that tells
 * nothing of the connector's insides, with the cause in the log only.
 */
final class BackendCall {

    private static final Logger LOG = LoggerFactory.getLogger(BackendCall.class);

    private BackendCall() {
    }

    /** Runs {@code operation} for the calling back-end, with its name in the log context. */
    static <T> T answer(Operation<T> operation) {
        String backend = null;
        try {
            backend = CallingBackend.current().name();
            try (var named = MDC.putCloseable("backendName", backend)) {
                return operation.run(backend);
            }
        } catch (ConnectorException e) {
            LOG.info("SOAP call of back-end {} refused: {} {}", LogSafe.of(backend), e.code().code(),
                    LogSafe.of(e.getMessage()));
            throw SoapFaults.of(e);
        } catch (RuntimeException e) {
            LOG.error("SOAP call of back-end {} failed", LogSafe.of(backend), e);
            throw SoapFaults.of(new ConnectorException(ErrorCode.INTERNAL, "the connector could not complete the call"));
        }
    }

    /** One operation, given the calling back-end's name. */
    @FunctionalInterface
    interface Operation<T> {
        T run(String backend);
    }
}
