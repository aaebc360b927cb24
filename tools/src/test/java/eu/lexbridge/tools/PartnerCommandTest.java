package eu.lexbridge.tools;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.SharedTestPki;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lexbridge partner import-pmode}: a Domibus PMode set and its truststore checked and turned into partners. */
class PartnerCommandTest {

    private static final String PMODE = """
            <db:configuration xmlns:db="http://domibus.eu/configuration" party="at_gw">
              <businessProcesses>
                <roles><role name="eCODEXRole" value="GW"/></roles>
                <parties>
                  <partyIdTypes>
                    <partyIdType name="unregistered" value="urn:oasis:names:tc:ebcore:partyid-type:unregistered"/>
                  </partyIdTypes>
                  <party name="at_gw" endPoint="https://at.example.eu/as4">
                    <identifier partyId="AT" partyIdType="unregistered"/></party>
                  <party name="de_gw" endPoint="https://de.example.eu/as4">
                    <identifier partyId="DE" partyIdType="unregistered"/></party>
                </parties>
                <process name="p"><responderRole name="eCODEXRole"/>
                  <responderParties><responderParty name="de_gw"/></responderParties></process>
              </businessProcesses>
            </db:configuration>
            """;

    @TempDir
    static Path dir;

    @BeforeAll
    static void truststore() throws Exception {
        GeneratedPki pki = SharedTestPki.copyTo(dir.resolve("pki"), List.of("de-court"), "changeit".toCharArray());
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("de_gw", KeyStores.readCertificate(pki.parties().get("de-court").as4Certificate()));
        try (OutputStream out = Files.newOutputStream(dir.resolve("truststore.p12"))) {
            store.store(out, "trust-pw".toCharArray());
        }
        Files.writeString(dir.resolve("truststore-password"), "trust-pw\n");
        Files.writeString(dir.resolve("pmode.xml"), PMODE);
        Files.writeString(dir.resolve("plain.xml"), PMODE.replace("https://de.example.eu", "http://de.example.eu"));
    }

    private static CliRun importing(String pmode) {
        return CliRun.of("partner", "import-pmode", dir.resolve(pmode).toString(), "--truststore",
                dir.resolve("truststore.p12").toString(), "--truststore-password-file",
                dir.resolve("truststore-password").toString(), "--dry-run");
    }

    @Test
    void aDryRunShowsThePartnersThePModeSetMakes() {
        CliRun run = importing("pmode.xml");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("would add de_gw: party DE (urn:oasis:names:tc:ebcore:partyid-type:unregistered)"
                + ", role GW, endpoint https://de.example.eu/as4, certificate CN=de-court AS4").doesNotContain("at_gw");
    }

    @Test
    void aPartyThatDoesNotValidateStopsTheImportNamingIt() {
        CliRun run = importing("plain.xml");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("party 'de_gw' (line 10): endpoint 'http://de.example.eu/as4' is not an https "
                + "URL");
        assertThat(run.out()).doesNotContain("would add");
    }
}
