package eu.lexbridge.app.management;

import eu.lexbridge.core.port.SecurityEvents;
import java.io.IOException;
import java.io.InputStream;
import javax.management.ObjectName;
import org.jolokia.server.core.restrictor.policy.PolicyRestrictor;
import org.jolokia.server.core.service.api.Restrictor;
import org.jolokia.server.core.util.HttpMethod;
import org.jolokia.server.core.util.RequestType;
import org.springframework.core.io.Resource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What Jolokia may do for the person logged in: the access policy file (reads allowed except secrets; operations
 * only those listed, so never a heap dump, a JVM agent or a diagnostic command) and, on top, only an operator may
 * run an operation or write an attribute. Every refusal is a security event. Cross-origin answers are Spring
 * Security's (the management request guard and its CORS settings), so Jolokia itself never echoes an origin.
 */
final class JolokiaAccessPolicy implements Restrictor {

    private final Restrictor policy;
    private final SecurityEvents security;

    JolokiaAccessPolicy(Resource policyFile, SecurityEvents security) {
        try (InputStream in = policyFile.getInputStream()) {
            this.policy = new PolicyRestrictor(in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("lexbridge.management.jolokia-policy: cannot read the Jolokia access"
                    + " policy " + policyFile.getDescription() + ": " + e.getMessage(), e);
        }
        this.security = security;
    }

    @Override
    public boolean isHttpMethodAllowed(HttpMethod method) {
        return allowed(policy.isHttpMethodAllowed(method), "HTTP method " + method);
    }

    @Override
    public boolean isTypeAllowed(RequestType type) {
        if (type == RequestType.EXEC || type == RequestType.WRITE) {
            // The policy file decides which MBeans' operations and attributes (isOperationAllowed and friends).
            return allowed(isOperator(), "Jolokia " + type.getName() + " needs the operator role");
        }
        return allowed(policy.isTypeAllowed(type), "Jolokia " + type.getName());
    }

    @Override
    public boolean isAttributeReadAllowed(ObjectName name, String attribute) {
        return allowed(policy.isAttributeReadAllowed(name, attribute), "reading " + name + " " + attribute);
    }

    @Override
    public boolean isAttributeWriteAllowed(ObjectName name, String attribute) {
        return allowed(isOperator() && policy.isAttributeWriteAllowed(name, attribute),
                "writing " + name + " " + attribute);
    }

    /** By name, whatever the overload: Jolokia passes {@code stop()} or {@code stop(long)}, the policy says stop. */
    @Override
    public boolean isOperationAllowed(ObjectName name, String operation) {
        int signature = operation.indexOf('(');
        String bareName = signature < 0 ? operation : operation.substring(0, signature);
        return allowed(isOperator() && policy.isOperationAllowed(name, bareName),
                "operation " + operation + " on " + name);
    }

    @Override
    public boolean isRemoteAccessAllowed(String... hostOrAddress) {
        return policy.isRemoteAccessAllowed(hostOrAddress);
    }

    /**
     * Strict checks pass: the request guard has refused foreign origins already. Otherwise false, so that Jolokia
     * adds no {@code Access-Control-Allow-Origin} of its own.
     */
    @Override
    public boolean isOriginAllowed(String origin, boolean strictCheck) {
        return strictCheck;
    }

    @Override
    public boolean isObjectNameHidden(ObjectName name) {
        return policy.isObjectNameHidden(name);
    }

    @Override
    public boolean ignoreScheme() {
        return policy.ignoreScheme();
    }

    private boolean allowed(boolean allowed, String what) {
        if (!allowed) {
            Authentication who = SecurityContextHolder.getContext().getAuthentication();
            security.record(SecurityEvents.Kind.MANAGEMENT_ACCESS_REFUSED, "Jolokia refused " + what + " to "
                    + (who == null ? "nobody" : who.getName()));
        }
        return allowed;
    }

    private static boolean isOperator() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who != null && who.isAuthenticated() && who.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + ManagementRole.OPERATOR_ROLE).equals(a.getAuthority()));
    }
}
