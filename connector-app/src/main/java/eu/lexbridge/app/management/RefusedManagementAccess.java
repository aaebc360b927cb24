package eu.lexbridge.app.management;

import eu.lexbridge.core.port.SecurityEvents;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureProviderNotFoundEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Spring Security's own events of the management port as security events: a failed login (wrong password, unknown
 * name, a bearer token that is expired, foreign-signed or malformed) and a logged-in person asking for more than their
 * role allows. A request without any credential is only asked to log in; it is not counted. Never the token itself.
 */
final class RefusedManagementAccess {

    private final SecurityEvents security;

    RefusedManagementAccess(SecurityEvents security) {
        this.security = security;
    }

    @EventListener
    void loginFailed(AbstractAuthenticationFailureEvent event) {
        if (event instanceof AuthenticationFailureProviderNotFoundEvent) {
            // A bearer token handed on to the password logins after the token check failed: counted once, there
            return;
        }
        Authentication attempt = event.getAuthentication();
        String who = attempt instanceof BearerTokenAuthenticationToken ? "a bearer token"
                : "user '" + attempt.getName() + "'";
        security.record(SecurityEvents.Kind.MANAGEMENT_ACCESS_REFUSED,
                "management login failed for " + who + ": " + event.getException().getMessage());
    }

    @EventListener
    void denied(AuthorizationDeniedEvent<?> event) {
        Authentication who = event.getAuthentication().get();
        if (who == null || who instanceof AnonymousAuthenticationToken) {
            return;
        }
        String what = event.getSource() instanceof HttpServletRequest request
                ? request.getMethod() + " " + request.getRequestURI() : "a management call";
        security.record(SecurityEvents.Kind.MANAGEMENT_ACCESS_REFUSED,
                "user '" + who.getName() + "' " + who.getAuthorities() + " may not " + what);
    }
}
