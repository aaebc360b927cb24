package eu.lexbridge.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.trust.pki.TestPki;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfiguredPartnerDirectoryTest {

    private static final String TYPE = "urn:oasis:names:tc:ebcore:partyid-type:unregistered";

    @TempDir
    static Path pki;

    static X509Certificate certificate;

    @BeforeAll
    static void generate() throws Exception {
        var generated = TestPki.generate(pki, List.of("de-court"), "changeit".toCharArray());
        try (InputStream in = Files.newInputStream(generated.parties().get("de-court").as4Certificate())) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    @Test
    void findsAPartnerByItsPartyIdAndNoOther() {
        var directory = new ConfiguredPartnerDirectory(List.of(partner("de-court", "DE"), partner("at-po", "AT")));

        assertThat(directory.byPartyId("DE")).map(Partner::name).contains("de-court");
        assertThat(directory.byPartyId("AT")).map(Partner::name).contains("at-po");
        assertThat(directory.byPartyId("de")).isEmpty();
        assertThat(directory.byPartyId("FR")).isEmpty();
    }

    @Test
    void aPartyIdConfiguredTwiceStopsTheStart() {
        assertThatThrownBy(() -> new ConfiguredPartnerDirectory(List.of(partner("de-court", "DE"),
                partner("de-ministry", "DE"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lexbridge.network.partners: party id DE is configured twice");
    }

    @Test
    void everyInboundMessageGoesToTheDefaultBackend() {
        assertThat(new DefaultBackendRouter("case-system").backendFor(null)).isEqualTo("case-system");
    }

    private static Partner partner(String name, String partyId) {
        return new Partner(name, new Party(partyId, TYPE, "GW"), URI.create("https://" + name + ".test/as4"),
                certificate);
    }
}
