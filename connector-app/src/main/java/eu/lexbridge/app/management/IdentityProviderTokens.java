package eu.lexbridge.app.management;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * Bearer tokens from a Member State's identity provider, read with Spring Security's resource-server support: the
 * signature checked against the provider's published keys (asymmetric algorithms only), expiry and not-before with a
 * minute of clock skew, the issuer and audience when configured, and the roles claim mapped to viewer or operator.
 */
final class IdentityProviderTokens {

    private static final SignatureAlgorithm[] ALGORITHMS = {SignatureAlgorithm.RS256, SignatureAlgorithm.RS384,
            SignatureAlgorithm.RS512, SignatureAlgorithm.PS256, SignatureAlgorithm.PS384, SignatureAlgorithm.PS512,
            SignatureAlgorithm.ES256, SignatureAlgorithm.ES384, SignatureAlgorithm.ES512};

    private final ManagementProperties.IdentityProvider provider;

    IdentityProviderTokens(ManagementProperties.IdentityProvider provider) {
        this.provider = provider;
    }

    /** Reaches the provider on the first token, not at start-up: the connector starts while the provider is down. */
    JwtDecoder decoder() {
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = (provider.jwkSetUri() != null
                    ? NimbusJwtDecoder.withJwkSetUri(provider.jwkSetUri().toString())
                    : NimbusJwtDecoder.withIssuerLocation(provider.issuerUri().toString()))
                    .jwsAlgorithms(algorithms -> algorithms.addAll(List.of(ALGORITHMS)))
                    .build();
            decoder.setJwtValidator(validator());
            return decoder;
        });
    }

    private OAuth2TokenValidator<Jwt> validator() {
        List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>();
        checks.add(provider.issuerUri() != null ? JwtValidators.createDefaultWithIssuer(provider.issuerUri().toString())
                : JwtValidators.createDefault());
        if (provider.audience() != null && !provider.audience().isBlank()) {
            checks.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    audience -> audience != null && audience.contains(provider.audience())));
        }
        return new DelegatingOAuth2TokenValidator<>(checks);
    }

    /** The person's roles from the configured claim; a token with neither value has no role and is refused. */
    JwtAuthenticationConverter authentication() {
        var claim = new JwtGrantedAuthoritiesConverter();
        claim.setAuthoritiesClaimName(provider.rolesClaim());
        claim.setAuthorityPrefix("");
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> roles(claim.convert(jwt)));
        return converter;
    }

    private Collection<GrantedAuthority> roles(Collection<GrantedAuthority> values) {
        var roles = new LinkedHashSet<GrantedAuthority>();
        for (GrantedAuthority value : values) {
            if (value.getAuthority().equals(provider.operatorRole())) {
                roles.addAll(ManagementRole.OPERATOR.authorities());
            } else if (value.getAuthority().equals(provider.viewerRole())) {
                roles.addAll(ManagementRole.VIEWER.authorities());
            }
        }
        return roles;
    }
}
