package eu.lexbridge.backend.soap.auth;

import eu.lexbridge.backend.soap.service.SoapFaults;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.port.SecurityEvents;
import java.util.Locale;
import java.util.Optional;
import org.apache.cxf.configuration.security.AuthorizationPolicy;
import org.apache.cxf.interceptor.AttachmentInInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * The opt-in fallback for back-ends without WS-Security ({@code lexbridge.soap.backends.<name>.password-sha256}):
 * a call with HTTP Basic credentials is authenticated by them before any of its body or attachments is read, so a wrong
 * password cannot make the connector parse or spool an upload. A call without them is left to WS-Security
 * ({@link SignatureAuthenticationInterceptor}), or refused here when WS-Security is off. Refusals go to the security
 * log, without the password.
 */
public final class BasicAuthenticationInterceptor extends AbstractPhaseInterceptor<Message> {

    private final BackendPasswords passwords;
    private final SecurityEvents security;
    private final boolean signaturesAccepted;

    /** @param signaturesAccepted whether a call without HTTP Basic credentials may still prove itself by WS-Security */
    public BasicAuthenticationInterceptor(BackendPasswords passwords, SecurityEvents security,
                                          boolean signaturesAccepted) {
        super(Phase.RECEIVE);
        addBefore(AttachmentInInterceptor.class.getName());
        this.passwords = passwords;
        this.security = security;
        this.signaturesAccepted = signaturesAccepted;
    }

    @Override
    public void handleMessage(Message message) {
        if (isContractRequest(message)) {
            return; // the WSDL and its schema are the public contract, as the official connector serves them
        }
        AuthorizationPolicy policy = message.get(AuthorizationPolicy.class);
        if (policy == null && signaturesAccepted) {
            return; // no HTTP Basic: the WS-Security signature must identify the back-end
        }
        Optional<String> backend = policy == null || !"Basic".equalsIgnoreCase(policy.getAuthorizationType())
                ? Optional.empty() : passwords.backendFor(policy.getUserName(), policy.getPassword());
        if (backend.isEmpty()) {
            String reason = policy == null ? "no HTTP Basic credentials"
                    : "unknown back-end or wrong password for '" + LogSafe.of(policy.getUserName(), 64) + "'";
            security.record(SecurityEvents.Kind.BACKEND_ACCESS_REFUSED, "SOAP back-end call refused: " + reason
                    + " (" + LogSafe.of(message.get(Message.REQUEST_URI)) + ")");
            throw SoapFaults.of(new ConnectorException(ErrorCode.NOT_AUTHENTICATED,
                    "the back-end must sign its request with WS-Security, or authenticate with HTTP Basic "
                            + "if it is configured with a password"));
        }
        message.getExchange().put(CallingBackend.class, new CallingBackend(backend.get()));
    }

    /** A GET of {@code ?wsdl} or {@code ?xsd=...}, which CXF answers before any operation runs. */
    private static boolean isContractRequest(Message message) {
        Object query = message.get(Message.QUERY_STRING);
        if (!"GET".equals(message.get(Message.HTTP_REQUEST_METHOD)) || !(query instanceof String q)) {
            return false;
        }
        String lower = q.toLowerCase(Locale.ROOT);
        return lower.equals("wsdl") || lower.startsWith("xsd=");
    }
}
