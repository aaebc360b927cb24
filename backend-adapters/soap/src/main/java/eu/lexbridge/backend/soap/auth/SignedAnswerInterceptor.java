package eu.lexbridge.backend.soap.auth;

import java.util.Map;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.crypto.Crypto;

/**
 * Signs the answer to a signed call with the connector's key, confirms the request's signature
 * (SignatureConfirmation) and encrypts the Body to the certificate that signed the request. Answers to HTTP Basic calls
 * go as they are: those back-ends have no WS-Security.
 */
public final class SignedAnswerInterceptor extends AbstractPhaseInterceptor<SoapMessage> {

    private final WSS4JOutInterceptor wss4j;

    public SignedAnswerInterceptor(WsSecuritySettings settings, ConnectorKey own, Crypto crypto) {
        super(Phase.PRE_PROTOCOL);
        Map<String, Object> sending = settings.sending(own, crypto, "useReqSigCert");
        this.wss4j = new WSS4JOutInterceptor(sending);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (Boolean.TRUE.equals(message.getExchange().get(SignatureAuthenticationInterceptor.SIGNED_CALL))) {
            wss4j.handleMessage(message);
        }
    }
}
