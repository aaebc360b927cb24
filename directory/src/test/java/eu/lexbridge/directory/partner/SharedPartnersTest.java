package eu.lexbridge.directory.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.port.SettingStore.Setting;
import eu.lexbridge.core.testkit.InMemorySettingStore;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.SharedTestPki;
import eu.lexbridge.trust.pki.TestPki;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Partners changed at run time: checked whole, kept, taken up by a restart, and refused without a change. */
class SharedPartnersTest {

    private static final String TYPE = "urn:oasis:names:tc:ebcore:partyid-type:unregistered";

    @TempDir
    static Path pki;
    static X509Certificate certificate;
    static X509Certificate seal;
    static X509Certificate signing2;
    static X509Certificate decryption2;

    private final InMemorySettingStore store = new InMemorySettingStore();
    private final Clock clock = Clock.systemUTC();

    @BeforeAll
    static void generate() throws Exception {
        GeneratedPki generated = SharedTestPki.copyTo(pki, List.of("de-court"), "changeit".toCharArray());
        certificate = read(generated.parties().get("de-court").as4Certificate());
        seal = read(generated.parties().get("de-court").sealCertificate());
        signing2 = read(generated.parties().get("de-court").as4Edelivery2Certificate(TestPki.AS4_SIGN_ALIAS));
        decryption2 = read(generated.parties().get("de-court").as4Edelivery2Certificate(TestPki.AS4_DECRYPT_ALIAS));
    }

    private static X509Certificate read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static Partner partner(String name, String partyId) {
        return new Partner(name, new Party(partyId, TYPE, "GW"), URI.create("https://" + name + ".test/as4"),
                certificate);
    }

    private SharedPartners configured(Partner... partners) {
        return new SharedPartners(List.of(partners), store, clock, false);
    }

    @Test
    void findsAPartnerByItsPartyIdAndNoOther() {
        var partners = configured(partner("de-court", "DE"), partner("at-po", "AT"));

        assertThat(partners.byPartyId("DE")).map(Partner::name).contains("de-court");
        assertThat(partners.byPartyId("AT")).map(Partner::name).contains("at-po");
        assertThat(partners.byPartyId("de")).isEmpty();
        assertThat(partners.byPartyId("FR")).isEmpty();
    }

    @Test
    void aPartyIdConfiguredTwiceStopsTheStart() {
        assertThatThrownBy(() -> configured(partner("de-court", "DE"), partner("de-ministry", "DE")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lexbridge.network.partners: party id DE is configured twice");
    }

    @Test
    void aPartnerAddedChangedAndRetiredAtRunTimeIsKeptForARestart() {
        var partners = configured(partner("de-court", "DE"));

        assertThat(partners.put(partner("fr-justice", "FR"), "operator")).isEqualTo(SharedPartners.Change.ADDED);
        assertThat(partners.byPartyId("FR")).isPresent();
        Partner renewed = new Partner("fr-justice", new Party("FR", TYPE, "GW"), URI.create("https://fr.test/v2/as4"),
                certificate, seal, null);
        assertThat(partners.put(renewed, "operator")).isEqualTo(SharedPartners.Change.CHANGED);
        assertThat(partners.byPartyId("FR").orElseThrow().sealCertificate()).isEqualTo(seal);
        partners.retire("de-court", "admin");
        assertThat(partners.byPartyId("DE")).isEmpty();
        assertThat(store.latest(Setting.PARTNERS).orElseThrow().changedBy()).isEqualTo("admin");

        var restarted = configured(partner("de-court", "DE"));
        assertThat(restarted.all()).extracting(Partner::name).containsExactly("fr-justice");
        assertThat(restarted.byPartyId("FR").orElseThrow().endpoint()).hasToString("https://fr.test/v2/as4");
    }

    @Test
    void whenTheConfiguredPartnersChangeTheConfigurationWinsAgain() {
        configured(partner("de-court", "DE")).put(partner("fr-justice", "FR"), "operator");

        var reconfigured = configured(partner("de-court", "DE"), partner("it-giustizia", "IT"));

        assertThat(reconfigured.all()).extracting(Partner::name).containsExactly("de-court", "it-giustizia");
    }

    @Test
    void anotherReplicasChangeIsTakenUpOnRefresh() {
        var one = configured(partner("de-court", "DE"));
        var other = configured(partner("de-court", "DE"));

        one.put(partner("fr-justice", "FR"), "operator");
        assertThat(other.byPartyId("FR")).isEmpty();
        other.refresh();

        assertThat(other.byPartyId("FR")).isPresent();
    }

    @Test
    void aChangeThatDoesNotValidateIsRefusedNamingWhatAndNothingChanges() {
        var partners = configured(partner("de-court", "DE"));

        assertThatThrownBy(() -> partners.put(partner("de-ministry", "DE"), "operator"))
                .isInstanceOf(PartnerRefusedException.class)
                .hasMessage("partner 'de-ministry': party id 'DE' is another partner's; messages from it could not be "
                        + "told apart");
        assertThatThrownBy(() -> partners.put(new Partner("fr", new Party("FR", TYPE, "GW"),
                URI.create("http://fr.test/as4"), certificate), "operator"))
                .hasMessage("partner 'fr': endpoint 'http://fr.test/as4' is not an https URL (eDelivery AS4 requires "
                        + "TLS)");
        var later = new SharedPartners(List.of(partner("de-court", "DE")), store,
                Clock.fixed(certificate.getNotAfter().toInstant().plusSeconds(86_400), ZoneOffset.UTC), false);
        assertThatThrownBy(() -> later.put(partner("fr", "FR"), "operator"))
                .hasMessageStartingWith("partner 'de-court': certificate expired on ");
        assertThatThrownBy(() -> partners.retire("nobody", "operator"))
                .hasMessage("partner 'nobody' is not a partner");

        assertThat(partners.all()).extracting(Partner::name).containsExactly("de-court");
        assertThat(store.latest(Setting.PARTNERS)).isEmpty();
    }

    @Test
    void aPartnerDocumentRoundTripsAndABadValueIsNamedByItsPlace() {
        Partner pinned = new Partner("de-court", new Party("DE", TYPE, "GW"), URI.create("https://de.test/as4"),
                certificate, seal, seal);
        String document = PartnerDocument.write(List.of(pinned));

        assertThat(PartnerDocument.read(document)).containsExactly(pinned);
        assertThatThrownBy(() -> PartnerDocument.read(document.replace("\"partyId\":\"DE\"", "\"partyId\":\"D E\"")))
                .hasMessage("partners[0].partyId must be 1 to 255 printable characters without spaces");
        assertThatThrownBy(() -> PartnerDocument.read(document.replace("\"role\"", "\"rolle\"")))
                .hasMessage("partners[0].rolle is not a member of a partner");
        assertThatThrownBy(() -> PartnerDocument.read(document.replaceFirst("MII", "XXX")))
                .hasMessage("partners[0].certificate is not an X.509 certificate in PEM");
        assertThat(Instant.now()).isBefore(certificate.getNotAfter().toInstant());
    }

    @Test
    void a2_0PartnerKeepsItsProfileAndEncryptionCertificateAndA1xPartnerIsWrittenAsBefore() {
        Partner modern = new Partner("fr", new Party("FR", TYPE, "GW"), URI.create("https://fr.test/as4"), signing2)
                .withAs4Profile(eu.lexbridge.core.transport.As4Profile.EDELIVERY_2_EDDSA, decryption2);
        Partner classic = partner("de", "DE");

        String document = PartnerDocument.write(List.of(classic, modern));

        assertThat(PartnerDocument.read(document)).containsExactly(classic, modern);
        assertThat(PartnerDocument.node(classic).has("as4Profile")).isFalse();
        assertThat(PartnerDocument.node(modern).get("as4Profile").asText()).isEqualTo("2.0");
    }

    @Test
    void a2_0PartnerWithoutItsEncryptionCertificateOrAnUnknownProfileIsRefusedByItsPlace() {
        String pem = PartnerDocument.pem(signing2).replace("\n", "\\n");
        String partner = "{\"partners\":[{\"name\":\"fr\",\"partyId\":\"FR\",\"partyIdType\":\"" + TYPE
                + "\",\"role\":\"GW\",\"endpoint\":\"https://fr.test/as4\",\"certificate\":\"" + pem + "\"";

        assertThatThrownBy(() -> PartnerDocument.read(partner + ",\"as4Profile\":\"2.0\"}]}"))
                .isInstanceOf(PartnerRefusedException.class)
                .hasMessage("partners[0].encryptionCertificate is required for as4Profile 2.0 (a 2.0 partner decrypts"
                        + " with a key of its own)");
        assertThatThrownBy(() -> PartnerDocument.read(partner + ",\"as4Profile\":\"3.0\"}]}"))
                .hasMessage("partners[0].as4Profile must be 1.x, 2.0 or 2.0-ecdsa");
        assertThatThrownBy(() -> PartnerDocument.read(partner + ",\"encryptionCertificate\":\"" + pem + "\"}]}"))
                .hasMessage("partners[0].encryptionCertificate is for as4Profile 2.0 or 2.0-ecdsa only (a 1.x partner"
                        + " decrypts with its certificate)");
    }
}
