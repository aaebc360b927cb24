package eu.lexbridge.backend.soap.service;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCategory;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapFault;
import org.w3c.dom.Element;

/**
 * A connector failure as a SOAP 1.2 fault a back-end can act on: the stable code as the fault's subcode and in its
 * detail, the sentence as its reason ("LB-1006: backendMessageId 'x' was already submitted by this back-end"). The
 * caller's mistakes are Sender faults, the connector's own Receiver faults, which carry no internal detail.
 */
public final class SoapFaults {

    /** The namespace of the subcode and of the {@code error} detail element. */
    public static final String NAMESPACE = "https://lexbridge.eu/soap/errors";

    private SoapFaults() {
    }

    public static SoapFault of(ConnectorException e) {
        boolean callersFault = e.code().category() != ErrorCategory.INTERNAL
                && e.code().category() != ErrorCategory.UNAVAILABLE;
        String sentence = callersFault ? e.getMessage() : e.code().title();
        SoapFault fault = new SoapFault(e.code().code() + ": " + sentence,
                callersFault ? Soap12.getInstance().getSender() : Soap12.getInstance().getReceiver());
        fault.setSubCode(new QName(NAMESPACE, e.code().code(), "lb"));
        Element detail = fault.getOrCreateDetail();
        Element error = detail.getOwnerDocument().createElementNS(NAMESPACE, "lb:error");
        error.setAttribute("code", e.code().code());
        if (e.field() != null) {
            error.setAttribute("field", e.field());
        }
        error.setTextContent(sentence);
        detail.appendChild(error);
        return fault;
    }
}
