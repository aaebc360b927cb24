package eu.lexbridge.gateway.domibus;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import jakarta.xml.bind.UnmarshalException;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.io.CacheSizeExceededException;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.xml.sax.SAXException;

/**
 * A push request CXF stopped reading is answered with a code and a sentence that repeats nothing of the request, rather
 * than with the parser's message: a payload past the limit ({@code LB-1007}); XML that does not parse, carries a
 * DOCTYPE, breaks a size limit of the parser or does not match the contract ({@code LB-1008}). Faults that carry a code
 * already are left as they are.
 */
final class UnreadablePushFaults extends AbstractPhaseInterceptor<Message> {

    private final long maxPayloadBytes;

    UnreadablePushFaults(long maxPayloadBytes) {
        super(Phase.SETUP);
        this.maxPayloadBytes = maxPayloadBytes;
    }

    @Override
    public void handleMessage(Message message) {
        Exception failure = message.getContent(Exception.class);
        if (failure == null || hasCode(failure)) {
            return;
        }
        boolean unreadable = false;
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof CacheSizeExceededException) {
                message.setContent(Exception.class, PushFaults.of(new ConnectorException(ErrorCode.PAYLOAD_TOO_LARGE,
                        "a payload is larger than " + maxPayloadBytes
                                + " bytes, the most this connector takes from Domibus; nothing was stored")));
                return;
            }
            unreadable |= cause instanceof UnmarshalException || cause instanceof XMLStreamException
                    || cause instanceof SAXException;
        }
        if (unreadable) {
            message.setContent(Exception.class, PushFaults.of(new ConnectorException(ErrorCode.MALFORMED_REQUEST,
                    "the request cannot be read: it is not well-formed XML without a DOCTYPE, breaks a size limit, or "
                            + "does not match the WS plugin's push contract; nothing was stored")));
        }
    }

    private static boolean hasCode(Exception failure) {
        return failure instanceof SoapFault && ((SoapFault) failure).getSubCode() != null
                && PushFaults.NAMESPACE.equals(((SoapFault) failure).getSubCode().getNamespaceURI());
    }
}
