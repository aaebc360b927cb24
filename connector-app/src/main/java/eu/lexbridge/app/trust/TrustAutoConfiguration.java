package eu.lexbridge.app.trust;

import eu.lexbridge.app.config.ConnectorProperties;
import eu.lexbridge.app.config.ContainerProperties;
import eu.lexbridge.app.config.EvidenceProperties;
import eu.lexbridge.core.port.ContainerPacker;
import eu.lexbridge.core.port.EvidenceFactory;
import eu.lexbridge.core.port.EvidenceVerifier;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.core.port.Sealer;
import eu.lexbridge.trust.container.ContainerLimits;
import eu.lexbridge.trust.container.EcodexContainerBuilder;
import eu.lexbridge.trust.container.EcodexContainerReader;
import eu.lexbridge.trust.document.DocumentValidator;
import eu.lexbridge.trust.evidence.EvidenceSealer;
import eu.lexbridge.trust.evidence.RemEvidenceFactory;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.port.EcodexContainerPacker;
import eu.lexbridge.trust.port.SealVerification;
import eu.lexbridge.trust.port.SealedEvidenceFactory;
import eu.lexbridge.trust.port.XmlDocumentSealer;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Evidences and containers: our seals on what we send, and the checks of partners' seals on what we receive. */
@AutoConfiguration
@EnableConfigurationProperties({ConnectorProperties.class, EvidenceProperties.class, ContainerProperties.class})
public class TrustAutoConfiguration {

    /** The evidence-seal key, opened once: a key on a PKCS#11 token is one login, whoever seals with it. */
    @Bean
    @ConditionalOnMissingBean(name = "evidenceSealKey")
    SealKey evidenceSealKey(EvidenceProperties evidence) {
        return evidence.seal().open();
    }

    /** Every evidence we issue is sealed with the evidence key. */
    @Bean
    @ConditionalOnMissingBean
    EvidenceFactory evidenceFactory(ConnectorProperties connector, EvidenceProperties evidence,
                                    @Qualifier("evidenceSealKey") SealKey key, Clock clock) {
        return new SealedEvidenceFactory(new RemEvidenceFactory(connector.partyId(), connector.partyId(),
                ZoneOffset.UTC), new EvidenceSealer(key, evidence.seal().referenceDigest(), clock));
    }

    /** The records we keep of our own (transmissions outside the system) are sealed with the evidence key too. */
    @Bean
    @ConditionalOnMissingBean
    Sealer recordSealer(@Qualifier("evidenceSealKey") SealKey key, Clock clock) {
        return new XmlDocumentSealer(key, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    PartnerTrustAnchors partnerTrustAnchors(EvidenceProperties evidence) {
        return new PartnerTrustAnchors(KeyStores.certificates(
                KeyStores.loadPkcs12(evidence.trustStore(), evidence.trustStorePassword())));
    }

    /** The key containers and Trust OK tokens are sealed with; a bean so that its certificate's expiry is watched. */
    @Bean
    @ConditionalOnMissingBean(name = "containerSealKey")
    SealKey containerSealKey(ContainerProperties container) {
        return container.seal().open();
    }

    /**
     * Containers are sealed with the container key and checked against the CAs of partners' seals; a partner with a
     * {@code container-seal-certificate} must seal its containers and tokens with it (or its renewal).
     */
    @Bean
    @ConditionalOnMissingBean
    ContainerPacker containerPacker(ContainerProperties container, EvidenceProperties evidence,
                                    PartnerTrustAnchors trust, ConnectorProperties connector, PayloadStore payloads,
                                    @Qualifier("containerSealKey") SealKey key, Clock clock) {
        List<X509Certificate> anchors = trust.certificates();
        Path work = connector.dataDirectory().resolve("work");
        return new EcodexContainerPacker(new EcodexContainerBuilder(key, clock, work),
                new EcodexContainerReader(anchors, evidence.revocationSettings(), clock,
                        ContainerLimits.DEFAULT.withTotalAtLeast(connector.payloadLimits().maxContainerBytes()), work),
                new DocumentValidator(anchors, clock), payloads, work, container.serviceProvider(),
                container.country(), connector.maxPayloadSize().toBytes());
    }

    /**
     * A partner with a seal certificate ({@link eu.lexbridge.core.transport.Partner#sealCertificate()}) must seal with
     * it (or its renewal); others with any trusted seal.
     */
    @Bean
    @ConditionalOnMissingBean
    EvidenceVerifier evidenceVerifier(EvidenceProperties evidence, PartnerTrustAnchors trust, PayloadStore payloads,
                                      Clock clock) {
        return new SealVerification(new eu.lexbridge.trust.evidence.EvidenceVerifier(trust.certificates(),
                evidence.revocationSettings(), clock), payloads);
    }
}
