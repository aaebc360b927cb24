package eu.lexbridge.app.management;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may use the management port (health details, metrics, Prometheus, Hawtio, Jolokia) and from where.
 *
 * @param users operators and viewers who log in with a password (HTTP Basic), each with {@code name} (the login
 *     name; two users may not share one, case-insensitive), {@code password-hash} (the password as Spring Security
 *     stores it: {@code {bcrypt}$2a$10$…} from {@code ./lexbridge management hash-password}, or {@code {argon2}…},
 *     {@code {pbkdf2}…}, {@code {scrypt}…}; a plain-text password, {@code {noop}…} or an old digest such as
 *     {@code {MD5}} or {@code {SHA-256}} stops start-up) and {@code role} ({@code VIEWER}: reads; {@code OPERATOR}:
 *     reads and the operations of the Jolokia policy)
 * @param identityProvider where a Member State has one: bearer tokens (JWT) from an OAuth2/OIDC identity provider
 * @param allowedHosts host names callers may use in the {@code Host} header besides {@code localhost},
 *     {@code 127.0.0.1}, {@code ::1} and {@code management.server.address}; any other is refused (DNS rebinding)
 * @param allowedOrigins web origins ({@code https://console.example.eu}: scheme, host, port; no path, no {@code *})
 *     whose pages may call the port (CORS); none by default
 * @param jolokiaPolicy the Jolokia access policy (reads allowed except secrets; operations only those listed); a file
 *     that cannot be read stops start-up
 * @param rememberLogin how long a password that matched is accepted again without a new check of its hash (HTTP Basic
 *     sends it with every request: a Prometheus scrape would cost a BCrypt check each); kept as an HMAC under a key made
 *     at start, never the password; a wrong password is always checked in full. {@code 0s} checks every request
 */
@Validated
@ConfigurationProperties("lexbridge.management")
public record ManagementProperties(@DefaultValue List<@Valid User> users,
                                   @Valid IdentityProvider identityProvider,
                                   @DefaultValue List<@NotBlank String> allowedHosts,
                                   @DefaultValue List<@NotBlank String> allowedOrigins,
                                   @NotBlank @DefaultValue("classpath:jolokia-access.xml") String jolokiaPolicy,
                                   @NotNull @DefaultValue("5m") Duration rememberLogin) {

    private static final String KEY = "lexbridge.management.";
    /** Spring Security's adaptive one-way hashes; {@code {noop}} and the old digests (MD5, SHA) are not accepted. */
    private static final Pattern HASH = Pattern.compile(
            "\\{(bcrypt|argon2|argon2@SpringSecurity_v5_8|pbkdf2|pbkdf2@SpringSecurity_v5_8|scrypt"
                    + "|scrypt@SpringSecurity_v5_8)}.{20,}");
    private static final Pattern BCRYPT = Pattern.compile("\\{bcrypt}\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

    public ManagementProperties {
        if (rememberLogin != null && rememberLogin.isNegative()) {
            throw new IllegalArgumentException(KEY + "remember-login must not be negative, was " + rememberLogin);
        }
        var names = new HashSet<String>();
        for (int i = 0; i < users.size(); i++) {
            User user = users.get(i);
            String key = KEY + "users[" + i + "].";
            if (user.passwordHash() != null && !isHash(user.passwordHash())) {
                throw new IllegalArgumentException(key + "password-hash must be a password hash such as {bcrypt}$2a$10$…"
                        + " (make one with `lexbridge management hash-password`), never a plain-text password");
            }
            if (user.name() != null && !names.add(user.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(key + "name '" + user.name() + "' is given to two users");
            }
        }
        for (int i = 0; i < allowedOrigins.size(); i++) {
            String origin = allowedOrigins.get(i);
            if (origin.equals("*") || !origin.matches("https?://[^/\\s*]+")) {
                throw new IllegalArgumentException(KEY + "allowed-origins[" + i + "] must be one web origin such as"
                        + " https://console.example.eu (scheme and host, no path, no wildcard)");
            }
        }
    }

    /** True when no one can log in: only the open health status answers. */
    public boolean closed() {
        return users.isEmpty() && identityProvider == null;
    }

    private static boolean isHash(String value) {
        return value.startsWith("{bcrypt}") ? BCRYPT.matcher(value).matches() : HASH.matcher(value).matches();
    }

    /**
     * One person who logs in with a name and a password.
     *
     * @param passwordHash the password hashed in Spring Security's format, {@code {bcrypt}…} or {@code {argon2}…}
     */
    public record User(@NotBlank String name, @NotBlank String passwordHash, @NotNull ManagementRole role) {
    }

    /**
     * An OAuth2/OIDC identity provider whose signed access tokens (JWT) are accepted as bearer tokens.
     *
     * @param issuerUri an OAuth2/OIDC issuer: its signing keys are found through its OpenID configuration, and a
     *     token's {@code iss} must name it
     * @param jwkSetUri the provider's signing keys (JWK set), when not found through the issuer; one of the two is
     *     required
     * @param audience when set, a token's {@code aud} must contain it (recommended)
     * @param rolesClaim the top-level claim that carries the roles (a list, or names separated by spaces)
     * @param viewerRole the value of that claim that makes a viewer
     * @param operatorRole the value of that claim that makes an operator
     */
    public record IdentityProvider(URI issuerUri, URI jwkSetUri, String audience,
                                   @NotBlank @DefaultValue("roles") String rolesClaim,
                                   @NotBlank @DefaultValue("lexbridge-viewer") String viewerRole,
                                   @NotBlank @DefaultValue("lexbridge-operator") String operatorRole) {

        public IdentityProvider {
            if (issuerUri == null && jwkSetUri == null) {
                throw new IllegalArgumentException(KEY + "identity-provider needs issuer-uri or jwk-set-uri");
            }
        }
    }
}
