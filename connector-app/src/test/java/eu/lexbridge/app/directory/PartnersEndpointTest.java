package eu.lexbridge.app.directory;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.port.GatewayLink;
import eu.lexbridge.core.port.SettingStore.Setting;
import eu.lexbridge.core.testkit.InMemorySettingStore;
import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.core.transport.OutgoingPart;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.core.transport.SendOutcome;
import eu.lexbridge.directory.partner.PartnerDocument;
import eu.lexbridge.directory.partner.SharedPartners;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.SharedTestPki;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.endpoint.SecurityContext;

/** {@code /actuator/partners}: what an operator sees and changes, and the problem a bad change is answered with. */
class PartnersEndpointTest {

    private static final String TYPE = "urn:oasis:names:tc:ebcore:partyid-type:unregistered";

    @TempDir
    static Path dir;
    static X509Certificate certificate;
    static String pem;

    private final InMemorySettingStore store = new InMemorySettingStore();
    private final SharedPartners partners = new SharedPartners(List.of(new Partner("de-court",
            new Party("de-court", TYPE, "GW"), URI.create("https://de.test/as4"), certificate)), store,
            Clock.systemUTC(), false);
    private final PartnersEndpoint endpoint = new PartnersEndpoint(partners, Clock.systemUTC());

    @BeforeAll
    static void pki() {
        GeneratedPki pki = SharedTestPki.copyTo(dir, List.of("fr-justice"), "changeit".toCharArray());
        certificate = KeyStores.readCertificate(pki.parties().get("fr-justice").as4Certificate());
        pem = PartnerDocument.pem(certificate);
    }

    @Test
    void anOperatorAddsAPartnerAndSeesItsCertificatesExpiry() {
        var added = endpoint.put("fr-justice", "FR", null, null, "https://fr.test/as4", pem, pem, null,
                "urn:e-codex:services:EPO Form_A\n", SecurityContext.NONE);

        assertThat(added.getStatus()).isEqualTo(200);
        assertThat(added.getBody()).containsEntry("change", "ADDED");
        assertThat(partners.byPartyId("FR")).hasValueSatisfying(p -> {
            assertThat(p.party().partyIdType()).isEqualTo(TYPE);
            assertThat(p.sealCertificate()).isEqualTo(certificate);
            assertThat(p.containerSealCertificate()).isNull();
            assertThat(p.takes("urn:e-codex:services:EPO", "Form_A")).isTrue();
            assertThat(p.takes("urn:e-codex:services:EPO", "Form_B")).isFalse();
        });
        Map<String, Object> listed = endpoint.list();
        assertThat(listed).containsEntry("count", 2);
        @SuppressWarnings("unchecked")
        var second = ((List<Map<String, Object>>) listed.get("partners")).get(1);
        @SuppressWarnings("unchecked")
        var view = (Map<String, Object>) second.get("certificate");
        assertThat(view.get("subject").toString()).contains("CN=fr-justice AS4");
        assertThat((Long) view.get("daysLeft")).isGreaterThan(300);
        assertThat(store.latest(Setting.PARTNERS)).isPresent();
    }

    /** What the access point cannot exchange with is refused before it is taken, with its sentence (GatewayLink#unfit). */
    @Test
    void aPartnerTheAccessPointCannotExchangeWithIsAProblemAndChangesNothing() {
        GatewayLink onlyFor1x = new GatewayLink() {
            @Override
            public SendOutcome send(Envelope envelope, List<OutgoingPart> parts, Partner partner) {
                throw new AssertionError("nothing is sent");
            }

            @Override
            public Optional<String> unfit(Partner partner) {
                return partner.party().partyId().equals("FR") ? Optional.of("Partner fr-justice speaks eDelivery AS4"
                        + " 2.0, and this access point has no eDelivery AS4 2.0 keys of its own.") : Optional.empty();
            }
        };
        var guarded = new PartnersEndpoint(partners, Clock.systemUTC(), onlyFor1x);

        var refused = guarded.put("fr-justice", "FR", null, null, "https://fr.test/as4", pem, null, null, null,
                SecurityContext.NONE);

        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getBody().toString()).contains("LB-1401")
                .contains("this access point has no eDelivery AS4 2.0 keys of its own");
        assertThat(partners.byPartyId("FR")).isEmpty();
        assertThat(store.latest(Setting.PARTNERS)).isEmpty();
        assertThat(guarded.put("es-justice", "ES", null, null, "https://es.test/as4", pem, null, null, null,
                SecurityContext.NONE).getStatus()).isEqualTo(200);
    }

    @Test
    void aChangeThatDoesNotValidateIsAProblemNamingTheElementAndChangesNothing() {
        var plain = endpoint.put("fr-justice", "FR", null, null, "http://fr.test/as4", pem, null, null,
                null, SecurityContext.NONE);
        var garbled = endpoint.put("fr-justice", "FR", null, null, "https://fr.test/as4", "not a certificate", null,
                null, null, SecurityContext.NONE);
        var twice = endpoint.put("fr-justice", "de-court", null, null, "https://fr.test/as4", pem, null, null,
                null, SecurityContext.NONE);
        var unknown = endpoint.retire("nobody", SecurityContext.NONE);

        assertThat(plain.getStatus()).isEqualTo(400);
        assertThat(plain.getBody()).containsEntry("code", "LB-1401").containsEntry("detail",
                "partner 'fr-justice': endpoint 'http://fr.test/as4' is not an https URL (eDelivery AS4 requires TLS)");
        assertThat(garbled.getBody()).containsEntry("detail",
                "partner.certificate is not an X.509 certificate in PEM");
        assertThat(twice.getBody().get("detail").toString()).contains("party id 'de-court' is another partner's");
        assertThat(unknown.getStatus()).isEqualTo(400);
        assertThat(partners.all()).extracting(Partner::name).containsExactly("de-court");
        assertThat(store.latest(Setting.PARTNERS)).isEmpty();
    }

    @Test
    void aRetiredPartnerIsNoLongerFound() {
        var retired = endpoint.retire("de-court", SecurityContext.NONE);

        assertThat(retired.getStatus()).isEqualTo(200);
        assertThat(retired.getBody()).containsEntry("change", "RETIRED");
        assertThat(partners.byPartyId("de-court")).isEmpty();
    }
}
