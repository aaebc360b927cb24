package eu.lexbridge.backend.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.lexbridge.backend.rest.api.ConversationController;
import eu.lexbridge.backend.rest.api.DeadlineAlertController;
import eu.lexbridge.backend.rest.api.DirectoryController;
import eu.lexbridge.backend.rest.api.EventController;
import eu.lexbridge.backend.rest.api.MessageController;
import eu.lexbridge.backend.rest.api.OpenApiDocumentation;
import eu.lexbridge.backend.rest.api.PayloadController;
import eu.lexbridge.backend.rest.api.RecordController;
import eu.lexbridge.backend.rest.api.SubmissionController;
import eu.lexbridge.backend.rest.api.SubmissionParts;
import eu.lexbridge.backend.rest.auth.AuthenticatedBackendArgumentResolver;
import eu.lexbridge.backend.rest.auth.BackendAuthenticationFilter;
import eu.lexbridge.backend.rest.auth.BackendTokens;
import eu.lexbridge.backend.rest.problem.EarlyFailureResolver;
import eu.lexbridge.backend.rest.problem.ExceptionProblems;
import eu.lexbridge.backend.rest.problem.ProblemErrorController;
import eu.lexbridge.backend.rest.problem.ProblemResponseWriter;
import eu.lexbridge.backend.rest.problem.RestProblemAdvice;
import eu.lexbridge.backend.rest.problem.UploadFailures;
import eu.lexbridge.backend.rest.tomcat.ClientCertificateRequest;
import eu.lexbridge.backend.rest.tomcat.ProblemErrorReportCustomizer;
import eu.lexbridge.backend.rest.tomcat.TomcatUploadFailures;
import eu.lexbridge.backend.rest.view.ApiLinks;
import eu.lexbridge.backend.rest.view.MessageViews;
import eu.lexbridge.backend.rest.webhook.Webhooks;
import eu.lexbridge.core.authority.Lookup;
import eu.lexbridge.core.flow.BackendInbox;
import eu.lexbridge.core.flow.ChangeFeed;
import eu.lexbridge.core.flow.Submission;
import eu.lexbridge.core.port.AuthorityDirectory;
import eu.lexbridge.core.port.BackendCertificates;
import eu.lexbridge.core.port.CaseRecord;
import eu.lexbridge.core.port.DeadlineAlerts;
import eu.lexbridge.core.port.MessageEvents;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.port.PushDelivery;
import eu.lexbridge.core.port.SecurityEvents;
import io.swagger.v3.oas.models.OpenAPI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The REST back-end API, on when the application has the core flows it fronts. Everything under
 * {@value ApiLinks#MESSAGES}, {@value ApiLinks#EVENTS}, {@value ApiLinks#DIRECTORY}, {@value ApiLinks#RECORDS} and
 * {@value ApiLinks#CONVERSATIONS} is authenticated per back-end; errors there are RFC 9457 problems.
 */
// Before Spring Boot's error handling, so that its BasicErrorController gives way to ours.
@AutoConfiguration(after = JacksonAutoConfiguration.class, before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean({Submission.class, BackendInbox.class})
@ConditionalOnProperty(prefix = "lexbridge.rest", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(RestBackendProperties.class)
public class RestBackendAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(RestBackendAutoConfiguration.class);
    /** How often a waiting read of the change feed looks at the outbox again. */
    private static final Duration FEED_POLL_INTERVAL = Duration.ofMillis(250);
    /**
     * How long a feed read waits for a gap in the outbox's sequence below its events to fill: the store writes the
     * event as its transaction's last statement, so a commit takes milliseconds after the sequence is taken.
     */
    private static final Duration FEED_SETTLE = Duration.ofSeconds(1);

    @Bean
    BackendTokens restBackendTokens(RestBackendProperties properties) {
        BackendTokens tokens = new BackendTokens(properties);
        if (tokens.isEmpty()) {
            LOG.warn("lexbridge.rest.backends has no bearer token: only back-ends with a client certificate "
                    + "(lexbridge.backend-identity) can call the REST API");
        }
        return tokens;
    }

    @Bean
    ProblemResponseWriter restProblemResponseWriter(ObjectMapper mapper) {
        return new ProblemResponseWriter(mapper);
    }

    @Bean
    ExceptionProblems restExceptionProblems(ObjectProvider<UploadFailures> uploads) {
        return new ExceptionProblems(uploads.getIfAvailable(() -> UploadFailures.NONE));
    }

    /** Bearer tokens, and the back-ends' certificates on a mutual TLS connection (core's BackendCertificates). */
    @Bean
    FilterRegistrationBean<BackendAuthenticationFilter> restAuthenticationFilter(
            BackendTokens tokens, ObjectProvider<BackendCertificates> certificates, ProblemResponseWriter writer,
            ObjectProvider<SecurityEvents> security) {
        var registration = new FilterRegistrationBean<>(new BackendAuthenticationFilter(tokens,
                certificates.getIfAvailable(BackendCertificates::none), writer,
                security.getIfAvailable(SecurityEvents::logOnly)));
        registration.addUrlPatterns(ApiLinks.ROOT + "*");
        registration.setName("lexbridgeRestAuthenticationFilter");
        // Early, so no later filter reads (and so parses) an upload of a caller that is not authenticated.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    WebMvcConfigurer restAuthenticatedBackendResolver() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new AuthenticatedBackendArgumentResolver());
            }
        };
    }

    @Bean
    RestProblemAdvice restProblemAdvice(ExceptionProblems problems) {
        return new RestProblemAdvice(problems);
    }

    @Bean
    EarlyFailureResolver restEarlyFailureResolver(ExceptionProblems problems, ProblemResponseWriter writer) {
        return new EarlyFailureResolver(ApiLinks.ROOT, problems, writer);
    }

    /** Error dispatches (and a request for /error itself) answer problems, not Spring Boot's error body. */
    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController restProblemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    SubmissionParts restSubmissionParts(ObjectMapper mapper, RestBackendProperties properties) {
        return new SubmissionParts(mapper, properties.maxAttachments());
    }

    @Bean
    SubmissionController restSubmissionController(Submission submission, SubmissionParts parts, BackendInbox inbox) {
        return new SubmissionController(submission, parts, inbox);
    }

    @Bean
    MessageController restMessageController(BackendInbox inbox) {
        return new MessageController(inbox);
    }

    /**
     * The change feed reads the outbox the application's message store writes. An application that defines its own
     * {@link ChangeFeed} bean gets that one; one without an outbox answers the feed with 503. Looked up when the
     * controller is made, once every configuration has registered its beans, so the outbox may be defined by a
     * configuration processed after this one.
     */
    @Bean
    EventController restEventController(ObjectProvider<ChangeFeed> feed, ObjectProvider<MessageEvents> outbox) {
        return new EventController(feed.getIfAvailable(() -> {
            MessageEvents events = outbox.getIfAvailable();
            return events == null ? null : new ChangeFeed(events, FEED_POLL_INTERVAL, FEED_SETTLE);
        }));
    }

    /**
     * The back-ends with a webhook ({@code lexbridge.rest.backends.<name>.webhook}) are pushed their messages and
     * evidences; core composes this with the other APIs' push deliveries.
     */
    @Bean
    PushDelivery restWebhookDelivery(RestBackendProperties properties, ObjectMapper mapper,
                                     ObjectProvider<MessageStore> store, ObjectProvider<Clock> clock,
                                     Environment environment) {
        return Webhooks.delivery(properties,
                environment.getProperty("lexbridge.network.allow-plain-http", Boolean.class, false), mapper,
                new MessageViews(new ApiLinks(environment.getProperty("server.servlet.context-path", ""))),
                store::getIfAvailable, clock.getIfAvailable(Clock::systemUTC));
    }

    /**
     * Lookups in the competent-authorities directory. Looked up when the controller is made, as the change feed is:
     * the directory may be defined by a configuration processed after this one.
     */
    @Bean
    DirectoryController restDirectoryController(ObjectProvider<AuthorityDirectory> directory,
                                                ObjectProvider<PartnerDirectory> partners) {
        return new DirectoryController(directory.getIfAvailable(() -> query -> new Lookup(query, List.of(),
                "no directory (none configured)")), partners.getIfAvailable(() -> partyId -> Optional.empty()));
    }

    @Bean
    PayloadController restPayloadController(BackendInbox inbox) {
        return new PayloadController(inbox);
    }

    /** The case record: transmissions recorded outside the system, conversations' timelines. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(CaseRecord.class)
    static class Cases {

        @Bean
        RecordController restRecordController(CaseRecord cases, ObjectMapper mapper) {
            return new RecordController(cases, mapper);
        }

        @Bean
        ConversationController restConversationController(CaseRecord cases) {
            return new ConversationController(cases);
        }
    }

    /** The time-limit alerts, for the back-ends to read. */
    @Bean
    @ConditionalOnBean(DeadlineAlerts.class)
    DeadlineAlertController restDeadlineAlertController(DeadlineAlerts alerts) {
        return new DeadlineAlertController(alerts);
    }

    /**
     * Tomcat's own refusals as problems: what it refuses before any servlet runs (its error report valve) and its
     * multipart limits. The only part that knows the servlet container, and only when it is Tomcat.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.valves.ErrorReportValve")
    static class Tomcat {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> restProblemErrorReport(ObjectMapper mapper) {
            return new ProblemErrorReportCustomizer(mapper);
        }

        /** On a TLS port, back-ends with a certificate may call with it (mutual TLS). */
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> restClientCertificateRequest(
                ObjectProvider<BackendCertificates> certificates) {
            return new ClientCertificateRequest(certificates.getIfAvailable(BackendCertificates::none));
        }

        @Bean
        @ConditionalOnMissingBean(UploadFailures.class)
        UploadFailures restTomcatUploadFailures(ObjectProvider<ServerProperties> server) {
            ServerProperties properties = server.getIfAvailable(ServerProperties::new);
            return new TomcatUploadFailures(properties.getTomcat().getMaxPartHeaderSize().toBytes());
        }
    }

    /** The OpenAPI description, served by springdoc at /v3/api-docs. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({OpenAPI.class, OpenApiCustomizer.class})
    static class Documentation {

        @Bean
        @ConditionalOnMissingBean(OpenAPI.class)
        OpenAPI restBackendOpenApi() {
            return OpenApiDocumentation.openApi();
        }

        /** An application that describes its own API still gets the scheme our operations refer to. */
        @Bean
        OpenApiCustomizer restBearerSchemeCustomizer() {
            return OpenApiDocumentation::addBearerScheme;
        }

        /** Every error answer of the back-end API is a problem; every operation may answer 401. */
        @Bean
        OpenApiCustomizer restProblemResponsesCustomizer() {
            return OpenApiDocumentation::describeProblems;
        }
    }
}
