package eu.lexbridge.backend.soap.auth;

import eu.lexbridge.backend.soap.service.SoapFaults;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.port.BackendCertificates;
import eu.lexbridge.core.port.SecurityEvents;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.security.wss4j.DefaultCryptoCoverageChecker;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.apache.wss4j.dom.handler.WSHandlerResult;

/**
 * Identifies the calling back-end by the certificate that signed its request (WS-Security), as the official connector
 * does, through the one certificate identity every back-end API shares ({@link BackendCertificates}). A request
 * without a valid timestamp, signature and encrypted Body, or signed by a certificate no back-end has, is refused with
 * a fault and a security event before any operation runs. A call a back-end made with HTTP Basic (the opt-in fallback,
 * {@link BasicAuthenticationInterceptor}) is left alone.
 */
public final class SignatureAuthenticationInterceptor extends AbstractSoapInterceptor {

    /** Set on the exchange of a call identified by its signature: its answer is signed and encrypted in turn. */
    public static final String SIGNED_CALL = "lexbridge.soap.signed-call";

    private final WSS4JInInterceptor wss4j;
    private final DefaultCryptoCoverageChecker coverage = new DefaultCryptoCoverageChecker();
    private final BackendCertificates certificates;
    private final SecurityEvents security;

    /**
     * @param crypto the connector's key with the back-ends' certificates as the only trusted ones
     *     ({@link ConnectorKey#crypto})
     */
    public SignatureAuthenticationInterceptor(WsSecuritySettings settings, ConnectorKey own, Crypto crypto,
                                              BackendCertificates certificates, SecurityEvents security) {
        super(Phase.PRE_PROTOCOL);
        this.wss4j = new WSS4JInInterceptor(settings.receiving(own, crypto));
        this.certificates = certificates;
        this.security = security;
    }

    /** The wsse:Security header, which is mustUnderstand: understood here, as WSS4J understands it. */
    @Override
    public java.util.Set<javax.xml.namespace.QName> getUnderstoodHeaders() {
        return wss4j.getUnderstoodHeaders();
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (message.getExchange().get(CallingBackend.class) != null || isGet(message)) {
            return; // authenticated by HTTP Basic already, or a GET of the contract
        }
        X509Certificate signer;
        try {
            wss4j.handleMessage(message);
            coverage.handleMessage(message); // the Body and timestamp signed, the Body encrypted
            signer = signer(message).orElseThrow(() -> new Fault(new IllegalStateException("no signature")));
        } catch (Fault e) {
            throw refused(message, "WS-Security check failed: " + LogSafe.of(e.getMessage(), 200),
                    "the request must carry a timestamp, a signature by the back-end's certificate over the Body and "
                            + "timestamp, and the Body encrypted to the connector's certificate");
        }
        Optional<String> backend = certificates.backendOf(signer);
        if (backend.isEmpty()) {
            throw refused(message, "signed by a certificate no back-end has: "
                    + LogSafe.of(signer.getSubjectX500Principal().getName(), 200),
                    "the request is signed by a certificate that is no back-end's");
        }
        message.getExchange().put(CallingBackend.class, new CallingBackend(backend.get()));
        message.getExchange().put(SIGNED_CALL, Boolean.TRUE);
    }

    private Fault refused(Message message, String detail, String sentence) {
        security.record(SecurityEvents.Kind.BACKEND_ACCESS_REFUSED, "SOAP back-end call refused: " + detail + " ("
                + LogSafe.of(message.get(Message.REQUEST_URI)) + ")");
        return SoapFaults.of(new ConnectorException(ErrorCode.NOT_AUTHENTICATED, sentence));
    }

    /** The certificate of the signature WSS4J verified. */
    @SuppressWarnings("unchecked")
    private static Optional<X509Certificate> signer(Message message) {
        Object results = message.get(WSHandlerConstants.RECV_RESULTS);
        if (!(results instanceof List<?> list)) {
            return Optional.empty();
        }
        return ((List<WSHandlerResult>) list).stream()
                .flatMap(r -> r.getResults().stream())
                .map(r -> r.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE))
                .filter(X509Certificate.class::isInstance).map(X509Certificate.class::cast)
                .findFirst();
    }

    private static boolean isGet(Message message) {
        return "GET".equals(message.get(Message.HTTP_REQUEST_METHOD));
    }
}
