package eu.lexbridge.app.management;

import eu.lexbridge.core.port.SecurityEvents;
import jakarta.servlet.Filter;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jolokia.server.core.service.api.Restrictor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementServerProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The management port's security, with Spring Security's own parts: HTTP Basic against hashed passwords from
 * configuration, bearer tokens (JWT) from an identity provider where one is configured, two roles, no session and so
 * no cookie a foreign page could ride, and before all that the {@link ManagementRequestGuard} (Host, Origin). Jolokia
 * is held to {@link JolokiaAccessPolicy}. The public port (REST API with its own bearer tokens, AS4) stays outside:
 * the security filter is registered on the management server only, unless management shares the public port.
 */
// Before Spring Boot's security defaults, which would add a filter chain and a generated user of their own.
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class})
@EnableWebSecurity
@EnableConfigurationProperties(ManagementProperties.class)
public class ManagementSecurityAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementSecurityAutoConfiguration.class);
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "0:0:0:0:0:0:0:1");

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain managementSecurityFilterChain(HttpSecurity http, ManagementProperties properties,
                                                      ManagementServerProperties server, SecurityEvents security)
            throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .addFilterBefore(new ManagementRequestGuard(hosts(properties, server),
                        Set.copyOf(properties.allowedOrigins()), security), HeaderWriterFilter.class)
                .cors(cors -> cors.configurationSource(cors(properties)))
                .authorizeHttpRequests(requests -> requests
                        // Status and probes for orchestrators and the demo; details only to viewers (show-details)
                        .requestMatchers(EndpointRequest.to("health")).permitAll()
                        .requestMatchers(EndpointRequest.to("info", "metrics", "prometheus", "hawtio", "jolokia",
                                "deadlines", "console", "messages", "queues", "availability"))
                        .hasRole(ManagementRole.VIEWER_ROLE)
                        .anyRequest().hasRole(ManagementRole.OPERATOR_ROLE))
                .httpBasic(basic -> basic.realmName("LexBridge management"))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No session, no cookie. Basic credentials a browser remembers are sent along all the same: the
                // guard keeps foreign pages out (Host, Origin, Sec-Fetch-Site, Jolokia operations by POST only).
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.frameOptions(frames -> frames.sameOrigin())
                        // the console runs only its own script and style, and talks only to this port
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(EndpointRequest.to("console"),
                                new StaticHeadersWriter("Content-Security-Policy", "default-src 'none'; "
                                        + "script-src 'self'; style-src 'self'; connect-src 'self'; "
                                        + "form-action 'self'; frame-ancestors 'self'; base-uri 'none'"))));
        if (properties.identityProvider() != null) {
            var tokens = new IdentityProviderTokens(properties.identityProvider());
            http.oauth2ResourceServer(resource -> resource.jwt(jwt -> jwt.decoder(tokens.decoder())
                    .jwtAuthenticationConverter(tokens.authentication())));
        }
        return http.build();
    }

    /** Operators and viewers from {@code lexbridge.management.users}; none means nobody can log in with a password. */
    @Bean
    @ConditionalOnMissingBean(UserDetailsService.class)
    UserDetailsService managementUsers(ManagementProperties properties) {
        if (properties.closed()) {
            LOG.warn("The management port accepts no login, only the health status: add an operator under"
                    + " lexbridge.management.users (name, password-hash from `lexbridge management hash-password`,"
                    + " role OPERATOR) or an identity provider under lexbridge.management.identity-provider");
        }
        List<UserDetails> users = properties.users().stream()
                .map(user -> User.withUsername(user.name()).password(user.passwordHash())
                        .authorities(user.role().authorities()).build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }

    /**
     * Reads {@code {bcrypt}…}, {@code {argon2}…} and the other formats of Spring Security; a match is remembered for
     * {@code remember-login} ({@link RememberedLogins}).
     */
    @Bean
    @ConditionalOnMissingBean(PasswordEncoder.class)
    PasswordEncoder managementPasswordEncoder(ManagementProperties properties, ObjectProvider<Clock> clock) {
        return new RememberedLogins(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                properties.rememberLogin(), clock.getIfAvailable(Clock::systemUTC));
    }

    /** Lets Spring Security announce a refused call (wrong role) as an event, counted by RefusedManagementAccess. */
    @Bean
    @ConditionalOnMissingBean(AuthorizationEventPublisher.class)
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
        return new SpringAuthorizationEventPublisher(events);
    }

    @Bean
    RefusedManagementAccess refusedManagementAccess(SecurityEvents security) {
        return new RefusedManagementAccess(security);
    }

    /** Jolokia takes this restrictor (a bean of this type) in place of its own policy file lookup. */
    @Bean
    @ConditionalOnMissingBean(Restrictor.class)
    Restrictor jolokiaAccessPolicy(ManagementProperties properties, ResourceLoader resources,
                                   SecurityEvents security) {
        return new JolokiaAccessPolicy(resources.getResource(properties.jolokiaPolicy()), security);
    }

    /**
     * Spring Boot would put the security filter on the public port too (and the management server reuses that
     * registration). Here the public port gets it only when management endpoints are served there; otherwise the
     * management server registers the filter itself ({@link ManagementServerSecurityFilter}), and the public port
     * keeps its behaviour, REST bearer tokens and AS4 untouched.
     */
    @Bean
    FilterRegistrationBean<Filter> managementSecurityOnThePublicPort(
            @Qualifier("springSecurityFilterChain") Filter chain, SecurityProperties security, Environment environment) {
        var registration = new FilterRegistrationBean<>(chain);
        registration.setName("managementSecurityOnThePublicPort");
        registration.setOrder(security.getFilter().getOrder());
        registration.setDispatcherTypes(ManagementServerSecurityFilter.dispatcherTypes(security));
        registration.setEnabled(ManagementPortType.get(environment) != ManagementPortType.DIFFERENT);
        return registration;
    }

    private static Set<String> hosts(ManagementProperties properties, ManagementServerProperties server) {
        Set<String> hosts = new HashSet<>(LOOPBACK);
        if (server.getAddress() != null) {
            hosts.add(ManagementRequestGuard.hostName(server.getAddress().getHostAddress()));
        }
        properties.allowedHosts().forEach(host -> hosts.add(ManagementRequestGuard.hostName(host)));
        return hosts;
    }

    private static UrlBasedCorsConfigurationSource cors(ManagementProperties properties) {
        // A configuration for every path: without one Spring's CORS filter lets any origin through.
        var configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(properties.allowedOrigins());
        configuration.setAllowedMethods(List.of("GET", "POST"));
        configuration.setAllowedHeaders(List.of("Authorization", "Content-Type"));
        configuration.setAllowCredentials(!properties.allowedOrigins().isEmpty());
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", configuration);
        return source;
    }
}
