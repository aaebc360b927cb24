package eu.lexbridge.backend.soap.auth;

import java.util.ArrayList;
import java.util.List;
import org.apache.cxf.interceptor.Interceptor;
import org.apache.cxf.message.Message;

/**
 * How the SOAP endpoints authenticate callers and protect their answers: the HTTP Basic fallback always (it refuses
 * wrong passwords, and every call without WS-Security when WS-Security is off), WS-Security when the connector has a
 * key for it.
 *
 * @param basic the HTTP Basic fallback
 * @param signature WS-Security on requests; {@code null} when WS-Security is off
 * @param answers WS-Security on answers to signed requests; {@code null} when WS-Security is off
 */
public record EndpointSecurity(BasicAuthenticationInterceptor basic, SignatureAuthenticationInterceptor signature,
                               SignedAnswerInterceptor answers) {

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
