package eu.lexbridge.backend.soap.service;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import jakarta.xml.bind.UnmarshalException;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.io.CacheSizeExceededException;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * A request CXF could not read into the contract's types (a value that is no {@code xs:long} or {@code xs:dateTime},
 * an element the contract does not have, text past the endpoint's limit, XML that does not parse) is answered as the
 * caller's mistake with its own code ({@code LB-1008}) and a sentence that repeats nothing of the request, rather than
 * with the parser's message. Faults that carry a code already, and oversized attachments
 * ({@link OversizedRequestFaults}), are left as they are.
 */
public final class UnreadableRequestFaults extends AbstractPhaseInterceptor<Message> {

    public UnreadableRequestFaults() {
        super(Phase.SETUP);
        addAfter(OversizedRequestFaults.class.getName());
    }

    @Override
    public void handleMessage(Message message) {
        Exception failure = message.getContent(Exception.class);
        if (failure == null || hasCode(failure)) {
            return;
        }
        boolean unreadable = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CacheSizeExceededException) {
                return;
            }
            unreadable |= cause instanceof UnmarshalException || cause instanceof XMLStreamException;
        }
        if (unreadable) {
            message.setContent(Exception.class, SoapFaults.of(new ConnectorException(ErrorCode.MALFORMED_REQUEST,
                    "the request cannot be read: a value does not fit its type or is too long, an element is not "
                            + "in the contract, or the XML is not well-formed; nothing was stored")));
        }
    }

    private static boolean hasCode(Exception failure) {
        return failure instanceof SoapFault fault && fault.getSubCode() != null
                && SoapFaults.NAMESPACE.equals(fault.getSubCode().getNamespaceURI());
    }
}
