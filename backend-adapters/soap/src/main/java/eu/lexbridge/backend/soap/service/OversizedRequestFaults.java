package eu.lexbridge.backend.soap.service;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.io.CacheSizeExceededException;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * A request CXF stopped reading because a payload passed {@code lexbridge.soap.max-attachment-size} is answered as the
 * caller's mistake with its own code ({@code LB-1007}), whether the limit was met by the WS-Security check or by the
 * operation itself, rather than with CXF's generic "Fault occurred while processing".
 */
public final class OversizedRequestFaults extends AbstractPhaseInterceptor<Message> {

    private final long maxAttachmentBytes;
    private final String what;

    /** For an endpoint whose requests carry payloads, limited to {@code maxAttachmentBytes} each. */
    public OversizedRequestFaults(long maxAttachmentBytes) {
        this(maxAttachmentBytes, "the request's payloads are");
    }

    /** @param what what was too large, for the sentence: "the request is" for an endpoint without payloads */
    public OversizedRequestFaults(long maxAttachmentBytes, String what) {
        super(Phase.SETUP);
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.what = what;
    }

    @Override
    public void handleMessage(Message message) {
        Exception failure = message.getContent(Exception.class);
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CacheSizeExceededException) {
                Fault fault = SoapFaults.of(new ConnectorException(ErrorCode.PAYLOAD_TOO_LARGE, "attachment",
                        what + " larger than " + maxAttachmentBytes
                                + " bytes, the most this connector takes in one SOAP request; nothing was stored"));
                message.setContent(Exception.class, fault);
                return;
            }
        }
    }
}
