package eu.lexbridge.gateway.domibus;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.port.SecurityEvents;
import org.apache.cxf.configuration.security.AuthorizationPolicy;
import org.apache.cxf.interceptor.AttachmentInInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * HTTP Basic on the push endpoint, checked before any of the request's body or attachments is read: a caller without
 * Domibus's push credential cannot make the connector parse or spool anything. Refusals go to the security log,
 * without the password.
 */
final class PushAuthentication extends AbstractPhaseInterceptor<Message> {

    private final PushCredentials credentials;
    private final SecurityEvents security;

    PushAuthentication(PushCredentials credentials, SecurityEvents security) {
        super(Phase.RECEIVE);
        addBefore(AttachmentInInterceptor.class.getName());
        this.credentials = credentials;
        this.security = security;
    }

    @Override
    public void handleMessage(Message message) {
        AuthorizationPolicy policy = message.get(AuthorizationPolicy.class);
        boolean basic = policy != null && "Basic".equalsIgnoreCase(policy.getAuthorizationType());
        if (basic && credentials.matches(policy.getUserName(), policy.getPassword())) {
            return;
        }
        String reason = policy == null ? "no HTTP Basic credentials"
                : "wrong user or password for '" + LogSafe.of(policy.getUserName(), 64) + "'";
        security.record(SecurityEvents.Kind.GATEWAY_ACCESS_REFUSED, "Domibus push refused: " + reason + " ("
                + LogSafe.of(message.get(Message.REQUEST_URI)) + ")");
        throw PushFaults.of(new ConnectorException(ErrorCode.NOT_AUTHENTICATED,
                "the push endpoint takes calls with Domibus's push credential (HTTP Basic) only"));
    }
}
