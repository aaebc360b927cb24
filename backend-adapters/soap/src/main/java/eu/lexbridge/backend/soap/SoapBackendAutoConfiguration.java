package eu.lexbridge.backend.soap;

import eu.lexbridge.backend.soap.auth.BackendPasswords;
import eu.lexbridge.backend.soap.auth.BasicAuthenticationInterceptor;
import eu.lexbridge.backend.soap.auth.ConnectorKey;
import eu.lexbridge.backend.soap.auth.EndpointSecurity;
import eu.lexbridge.backend.soap.auth.SignatureAuthenticationInterceptor;
import eu.lexbridge.backend.soap.auth.SignedAnswerInterceptor;
import eu.lexbridge.backend.soap.auth.WsSecuritySettings;
import eu.lexbridge.backend.soap.service.BackendWebService;
import eu.lexbridge.backend.soap.service.CaseRecordWebService;
import eu.lexbridge.backend.soap.service.DeliveryWebServiceLink;
import eu.lexbridge.backend.soap.service.LegacyBackendWebService;
import eu.lexbridge.backend.soap.service.OversizedRequestFaults;
import eu.lexbridge.backend.soap.service.UnreadableRequestFaults;
import eu.lexbridge.core.flow.BackendInbox;
import eu.lexbridge.core.flow.Submission;
import eu.lexbridge.core.port.BackendCertificates;
import eu.lexbridge.core.port.BackendLink;
import eu.lexbridge.core.port.CaseRecord;
import eu.lexbridge.core.port.DeadlineAlerts;
import eu.lexbridge.core.port.PushDelivery;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.SecurityEvents;
import jakarta.xml.ws.soap.SOAPBinding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.wss4j.common.crypto.Crypto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The official connector's back-end web service, on when the application has the core flows it fronts: SOAP 1.2 with
 * MTOM under CXF's servlet ({@code cxf.path}, {@code /services} by default), at {@value #PATH} in the 6.x/7.x
 * namespaces and at {@value #LEGACY_PATH} in the 4.x namespaces; beside it, LexBridge's own case-record service at
 * {@value #CASE_RECORD_PATH} when the application has a case record ({@link CaseRecordService}). Each endpoint serves
 * its own WSDL ({@code ?wsdl}) and authenticates back-ends alike ({@link EndpointSecurity}).
 */
@AutoConfiguration(afterName = "org.apache.cxf.spring.boot.autoconfigure.CxfAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(Bus.class)
@ConditionalOnBean({Submission.class, BackendInbox.class, MessageStore.class})
@ConditionalOnProperty(prefix = "lexbridge.soap", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(SoapBackendProperties.class)
public class SoapBackendAutoConfiguration {

    /** The 6.x / 7.x generation ({@code connector.ecodex.eu}), relative to {@code cxf.path}. */
    public static final String PATH = "/backend";
    /** The 4.x generation ({@code connector.domibus.eu}), relative to {@code cxf.path}. */
    public static final String LEGACY_PATH = "/backend-4";
    /** LexBridge's case-record service ({@code urn:lexbridge:ws:case-record:1}), relative to {@code cxf.path}. */
    public static final String CASE_RECORD_PATH = "/case-record";

    /** The name this API's push delivery goes by ({@link PushDelivery#api()}). */
    public static final String PUSH_API = "SOAP";

    private static final Logger LOG = LoggerFactory.getLogger(SoapBackendAutoConfiguration.class);
    /** Room for the SOAP envelope, the WS-Security header and the message details beside the payloads. */
    private static final long ENVELOPE_ALLOWANCE = 16 * 1024;
    /**
     * The largest case-record request: a transmission record is a few fields of at most 2000 characters, so this
     * leaves room for the WS-Security header and the encrypted Body and refuses anything that could be a payload.
     */
    static final long CASE_RECORD_MAX_REQUEST = 64 * 1024;

    @Bean
    BackendPasswords soapBackendPasswords(SoapBackendProperties properties) {
        BackendPasswords passwords = new BackendPasswords(properties);
        if (passwords.isEmpty()) {
            LOG.info("no SOAP back-end has a password-sha256: HTTP Basic is refused, WS-Security only");
        }
        return passwords;
    }

    /**
     * WS-Security when {@code lexbridge.soap.key-store} is set (back-ends identified by the certificates of
     * {@code lexbridge.backend-identity}), and the HTTP Basic fallback for back-ends given a password.
     */
    @Bean
    EndpointSecurity soapEndpointSecurity(SoapBackendProperties properties, BackendPasswords passwords,
                                          ObjectProvider<BackendCertificates> certificates,
                                          ObjectProvider<SecurityEvents> security) {
        SecurityEvents events = security.getIfAvailable(SecurityEvents::logOnly);
        if (properties.keyStore() == null) {
            LOG.warn("lexbridge.soap.key-store is not set: WS-Security is off, only back-ends with a password-sha256 "
                    + "can call the SOAP API");
            return new EndpointSecurity(new BasicAuthenticationInterceptor(passwords, events, false), null, null,
                    null);
        }
        ConnectorKey own = ConnectorKey.load(properties.keyStore(), properties.keyStorePassword().toCharArray(),
                properties.keyAlias(), (properties.keyPassword() == null ? properties.keyStorePassword()
                        : properties.keyPassword()).toCharArray());
        BackendCertificates identities = certificates.getIfAvailable(BackendCertificates::none);
        if (identities.backends().isEmpty()) {
            LOG.warn("lexbridge.backend-identity.certificates is empty: no back-end can sign a SOAP call");
        }
        WsSecuritySettings settings = new WsSecuritySettings(properties.algorithmSuite(), properties.timestampTtl());
        Crypto crypto = own.crypto(identities.backends().stream()
                .collect(Collectors.toMap(b -> b, b -> identities.certificateOf(b).orElseThrow())));
        return new EndpointSecurity(new BasicAuthenticationInterceptor(passwords, events, true),
                new SignatureAuthenticationInterceptor(settings, own, crypto, identities, events),
                new SignedAnswerInterceptor(settings, own, crypto),
                new EndpointSecurity.Pushes(settings, own, crypto));
    }

    /**
     * Push delivery through {@code DomibusConnectorBackendDeliveryWebService} for every back-end with a
     * {@code push-address}; the core routes those back-ends' messages and evidences here, the others pull.
     */
    @Bean
    PushDelivery soapPushDelivery(SoapBackendProperties properties, BackendInbox inbox, EndpointSecurity security,
                                  ObjectProvider<BackendCertificates> certificates) {
        BackendCertificates identities = certificates.getIfAvailable(BackendCertificates::none);
        Map<String, BackendLink> links = new HashMap<>();
        properties.backends().forEach((name, backend) -> {
            if (backend.pushAddress() != null) {
                boolean hasCertificate = identities.certificateOf(name).isPresent();
                if (security.pushes() != null && !hasCertificate) {
                    LOG.warn("back-end {} has no certificate (lexbridge.backend-identity): its SOAP pushes go unsigned "
                            + "and unencrypted", name);
                }
                links.put(name, DeliveryWebServiceLink.of(name, backend.pushAddress(), backend.generation(), inbox,
                        properties.pushConnectTimeout(), properties.pushTimeout(),
                        security.pushingTo(name, hasCertificate)));
                LOG.info("SOAP back-end {} is pushed to at {} ({}.x namespaces)", name, backend.pushAddress(),
                        backend.generation());
            }
        });
        return new PushDelivery(PUSH_API, links);
    }

    @Bean
    BackendWebService soapBackendWebService(Submission submission, BackendInbox inbox, MessageStore store) {
        return new BackendWebService(submission, inbox, store);
    }

    @Bean
    EndpointImpl soapBackendEndpoint(Bus bus, BackendWebService service, EndpointSecurity authentication,
                                     SoapBackendProperties properties) {
        return publish(bus, service, PATH, authentication, properties);
    }

    @Bean
    EndpointImpl soapLegacyBackendEndpoint(Bus bus, BackendWebService service,
                                           EndpointSecurity authentication,
                                           SoapBackendProperties properties) {
        return publish(bus, new LegacyBackendWebService(service), LEGACY_PATH, authentication, properties);
    }

    /**
     * LexBridge's case-record service at {@value #CASE_RECORD_PATH}, beside the official one (whose contract stays as
     * it is): transmissions recorded outside the system and the deadline alerts, for SOAP back-ends. On when the
     * application has a {@link CaseRecord} (the case-record auto-configuration makes it, as it does for the REST
     * API's records). Its alerts come from the {@link DeadlineAlerts} store when the application keeps one; without one
     * no alert is ever raised, and {@code listDeadlineAlerts} answers an empty list with the cursor unchanged.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(CaseRecord.class)
    static class CaseRecordService {

        @Bean
        CaseRecordWebService soapCaseRecordWebService(CaseRecord cases, ObjectProvider<DeadlineAlerts> alerts) {
            return new CaseRecordWebService(cases, alerts.getIfAvailable());
        }

        /**
         * Small requests only: a record carries no payload, so a large request is refused while it is read; a value
         * that does not fit the contract is refused with its code ({@link UnreadableRequestFaults}).
         */
        @Bean
        EndpointImpl soapCaseRecordEndpoint(Bus bus, CaseRecordWebService service, EndpointSecurity authentication,
                                            SoapBackendProperties properties) {
            EndpointImpl endpoint = publish(bus, service, CASE_RECORD_PATH, authentication, properties,
                    CASE_RECORD_MAX_REQUEST, new OversizedRequestFaults(CASE_RECORD_MAX_REQUEST, "the request is"));
            endpoint.getOutFaultInterceptors().add(new UnreadableRequestFaults());
            return endpoint;
        }
    }

    /** An endpoint of the official web service, whose requests carry payloads up to {@code max-attachment-size}. */
    private static EndpointImpl publish(Bus bus, Object implementor, String path,
                                        EndpointSecurity authentication,
                                        SoapBackendProperties properties) {
        // CXF refuses a MIME part past this while reading it. With WS-Security the payloads are encrypted into the Body,
        // so the root part holds them all, base64-encoded (4/3), besides the envelope's own few kilobytes.
        long maxAttachment = properties.maxAttachmentSize().toBytes();
        long maxPart = Math.min(Integer.MAX_VALUE, maxAttachment / 3 * 4 + ENVELOPE_ALLOWANCE);
        return publish(bus, implementor, path, authentication, properties, maxPart,
                new OversizedRequestFaults(maxAttachment));
    }

    /**
     * Publishes {@code implementor} at {@code path}: SOAP 1.2 with MTOM, the back-ends authenticated, a MIME part or
     * text longer than {@code maxPart} refused while it is read ({@code oversized} names it).
     */
    private static EndpointImpl publish(Bus bus, Object implementor, String path,
                                        EndpointSecurity authentication,
                                        SoapBackendProperties properties, long maxPart,
                                        OversizedRequestFaults oversized) {
        // the WSDL's own SOAP 1.2 binding (with "?mtom=true" CXF warns that it does not match); MTOM by the setting below
        EndpointImpl endpoint = new EndpointImpl(bus, implementor, SOAPBinding.SOAP12HTTP_BINDING);
        Map<String, Object> settings = new HashMap<>();
        settings.put("mtom-enabled", Boolean.TRUE);
        // Attachments past the threshold are spooled to disk while the request is read: never a payload whole in heap.
        settings.put("attachment-memory-threshold", properties.attachmentMemoryThreshold().toBytes());
        settings.put("attachment-max-size", maxPart);
        settings.put("org.apache.cxf.stax.maxTextLength", (int) maxPart);
        if (properties.attachmentDirectory() != null) {
            try {
                Files.createDirectories(properties.attachmentDirectory());
            } catch (IOException e) {
                throw new UncheckedIOException("lexbridge.soap.attachment-directory cannot be created: "
                        + properties.attachmentDirectory(), e);
            }
            settings.put("attachment-directory", properties.attachmentDirectory().toAbsolutePath().toString());
        }
        endpoint.setProperties(settings);
        endpoint.getInInterceptors().addAll(authentication.in());
        endpoint.getOutInterceptors().addAll(authentication.out());
        endpoint.getOutFaultInterceptors().add(oversized);
        endpoint.publish(path);
        return endpoint;
    }
}
