package eu.lexbridge.backend.soap.auth;

import java.util.ArrayList;
import java.util.List;
import org.apache.cxf.interceptor.Interceptor;
import org.apache.cxf.message.Message;

/**
 * How the SOAP endpoints authenticate callers and protect their answers, and how pushes are protected: the HTTP Basic
 * fallback always (it refuses wrong passwords, and every call without WS-Security when WS-Security is off),
 * WS-Security when the connector has a key for it.
 *
 * @param basic the HTTP Basic fallback
 * @param signature WS-Security on requests; {@code null} when WS-Security is off
 * @param answers WS-Security on answers to signed requests; {@code null} when WS-Security is off
 * @param pushes signs pushes and encrypts them to the back-end's certificate; {@code null} when WS-Security is off
 */
public record EndpointSecurity(BasicAuthenticationInterceptor basic, SignatureAuthenticationInterceptor signature,
                               SignedAnswerInterceptor answers, Pushes pushes) {

    /** WS-Security for the pushes to back-ends: the connector's key, and the back-ends' certificates by name. */
    public record Pushes(WsSecuritySettings settings, ConnectorKey own, org.apache.wss4j.common.crypto.Crypto crypto) {
    }

    /**
     * The interceptors that sign a push to {@code backend} and encrypt it to its certificate; none when WS-Security is
     * off or the back-end has no certificate (it then gets its pushes as they are, like its HTTP Basic answers).
     */
    public List<Interceptor<? extends Message>> pushingTo(String backend, boolean hasCertificate) {
        if (pushes == null || !hasCertificate) {
            return List.of();
        }
        return List.of(new org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor(
                pushes.settings().sending(pushes.own(), pushes.crypto(), backend)));
    }

    public List<Interceptor<? extends Message>> in() {
        List<Interceptor<? extends Message>> in = new ArrayList<>(List.of(basic));
        if (signature != null) {
            in.add(signature);
        }
        return in;
    }

    public List<Interceptor<? extends Message>> out() {
        return answers == null ? List.of() : List.of(answers);
    }
}
