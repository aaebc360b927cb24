package eu.lexbridge.gateway.domibus;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCategory;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapFault;
import org.w3c.dom.Element;

/**
 * A refusal on the push endpoint as a SOAP 1.2 fault: the stable code as subcode and in the detail, a sentence as the
 * reason. The caller's mistakes are Sender faults; the connector's own trouble is a Receiver fault without internal
 * detail, which Domibus answers by pushing again later (its push retry rule).
 */
final class PushFaults {

    static final String NAMESPACE = "https://lexbridge.eu/soap/errors";

    private PushFaults() {
    }

    static SoapFault of(ConnectorException e) {
        boolean callersFault = isCallersFault(e);
        String sentence = callersFault ? e.getMessage() : e.code().title();
        SoapFault fault = new SoapFault(e.code().code() + ": " + sentence,
                callersFault ? Soap12.getInstance().getSender() : Soap12.getInstance().getReceiver());
        fault.setSubCode(new QName(NAMESPACE, e.code().code(), "lb"));
        Element detail = fault.getOrCreateDetail();
        Element error = detail.getOwnerDocument().createElementNS(NAMESPACE, "lb:error");
        error.setAttribute("code", e.code().code());
        error.setTextContent(sentence);
        detail.appendChild(error);
        return fault;
    }

    static boolean isCallersFault(ConnectorException e) {
        return e.code().category() != ErrorCategory.INTERNAL && e.code().category() != ErrorCategory.UNAVAILABLE;
    }
}
