package eu.lexbridge.directory.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.SharedTestPki;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The partners of a Domibus PMode set, with their certificates from the truststore under each party's name. */
class PModeImportTest {

    /** The shape of an e-CODEX PMode set: our party, two others, one process in which both others respond. */
    private static final String PMODE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <db:configuration xmlns:db="http://domibus.eu/configuration" party="at_gw">
              <mpcs><mpc name="defaultMpc" qualifiedName="http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/defaultMPC" enabled="true" default="true" retention_downloaded="0" retention_undownloaded="14400"/></mpcs>
              <businessProcesses>
                <roles>
                  <role name="eCODEXRole" value="GW"/>
                  <role name="defaultResponderRole" value="http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/responder"/>
                </roles>
                <parties>
                  <partyIdTypes>
                    <partyIdType name="partyTypeUrn" value="urn:oasis:names:tc:ebcore:partyid-type:unregistered"/>
                  </partyIdTypes>
                  <party name="at_gw" endPoint="https://at.example.eu/domibus/services/msh">
                    <identifier partyId="AT" partyIdType="partyTypeUrn"/>
                  </party>
                  <party name="de_gw" endPoint="https://de.example.eu/domibus/services/msh">
                    <identifier partyId="DE" partyIdType="partyTypeUrn"/>
                  </party>
                  <party name="FR_GW" endPoint="https://fr.example.eu/domibus/services/msh">
                    <identifier partyId="FR" partyIdType="partyTypeUrn"/>
                    <identifier partyId="FR-2" partyIdType="partyTypeUrn"/>
                  </party>
                </parties>
                <meps><mep name="oneway" value="http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/oneWay"/></meps>
                <services><service name="epo" value="urn:e-codex:services:EPO" type="urn:e-codex:services:"/></services>
                <actions><action name="formA" value="Form_A"/><action name="formB" value="Form_B"/></actions>
                <legConfigurations>
                  <legConfiguration name="pushEPO" service="epo" action="formA" policy="eDeliveryPolicy"/>
                  <legConfiguration name="pushEPOB" service="epo" action="formB" policy="eDeliveryPolicy"/>
                </legConfigurations>
                <process name="eCODEXProcess" mep="oneway" binding="push" initiatorRole="eCODEXRole" responderRole="eCODEXRole">
                  <initiatorRole name="eCODEXRole"/>
                  <responderRole name="eCODEXRole"/>
                  <initiatorParties><initiatorParty name="at_gw"/></initiatorParties>
                  <responderParties><responderParty name="de_gw"/><responderParty name="FR_GW"/></responderParties>
                  <legs><leg name="pushEPO"/><leg name="pushEPOB"/></legs>
                </process>
              </businessProcesses>
            </db:configuration>
            """;

    @TempDir
    static Path pki;
    static X509Certificate certificate;

    @BeforeAll
    static void generate() throws Exception {
        GeneratedPki generated = SharedTestPki.copyTo(pki, List.of("de-court"), "changeit".toCharArray());
        try (InputStream in = Files.newInputStream(generated.parties().get("de-court").as4Certificate())) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static List<Partner> read(String pmode, Map<String, X509Certificate> truststore) {
        return PModeImport.read(new ByteArrayInputStream(pmode.getBytes(StandardCharsets.UTF_8)), truststore::get,
                Instant.now(), false);
    }

    @Test
    void everyPartyButOursBecomesAPartnerWithItsCertificateFromTheTruststore() {
        List<Partner> partners = read(PMODE, Map.of("de_gw", certificate, "FR_GW", certificate));

        assertThat(partners).extracting(Partner::name).containsExactly("de_gw", "fr_gw");
        Partner germany = partners.get(0);
        assertThat(germany.party()).isEqualTo(new Party("DE", "urn:oasis:names:tc:ebcore:partyid-type:unregistered",
                "GW"));
        assertThat(germany.endpoint()).hasToString("https://de.example.eu/domibus/services/msh");
        assertThat(germany.certificate()).isEqualTo(certificate);
        assertThat(germany.services()).containsExactlyInAnyOrder(
                new Partner.ServiceAction("urn:e-codex:services:EPO", "Form_A"),
                new Partner.ServiceAction("urn:e-codex:services:EPO", "Form_B"));
        assertThat(partners.get(1).party().partyId()).as("the first identifier").isEqualTo("FR");
    }

    @Test
    void aPartyWhoseCertificateIsNotInTheTruststoreIsRefusedNamingItsLine() {
        assertThatThrownBy(() -> read(PMODE, Map.of("de_gw", certificate)))
                .isInstanceOf(PartnerRefusedException.class)
                .hasMessage("party 'FR_GW' (line 19): the truststore has no certificate under alias 'FR_GW'");
    }

    @Test
    void aPartyThatDoesNotValidateIsRefusedNamingItsLine() {
        String plain = PMODE.replace("https://de.example.eu", "http://de.example.eu");
        String unknownType = PMODE.replace("<identifier partyId=\"DE\" partyIdType=\"partyTypeUrn\"/>",
                "<identifier partyId=\"DE\" partyIdType=\"iso6523\"/>");

        assertThatThrownBy(() -> read(plain, Map.of("de_gw", certificate, "FR_GW", certificate)))
                .hasMessage("party 'de_gw' (line 16): endpoint 'http://de.example.eu/domibus/services/msh' is not an "
                        + "https URL (eDelivery AS4 requires TLS)");
        assertThatThrownBy(() -> read(unknownType, Map.of("de_gw", certificate, "FR_GW", certificate)))
                .hasMessage("party 'de_gw' (line 16): partyIdType 'iso6523' is not one of the partyIdTypes");
    }

    @Test
    void aLegWhoseServiceIsNotDeclaredIsRefusedNamingIt() {
        String undeclared = PMODE.replace("service=\"epo\" action=\"formB\"", "service=\"eio\" action=\"formB\"");

        assertThatThrownBy(() -> read(undeclared, Map.of("de_gw", certificate, "FR_GW", certificate)))
                .hasMessage("legConfiguration 'pushEPOB' (line 29): service 'eio' is not one of the services");
    }

    @Test
    void aDocumentThatIsNoPModeSetOrCarriesADoctypeIsRefused() {
        assertThatThrownBy(() -> read("<configuration party=\"x\"/>", Map.of()))
                .hasMessageStartingWith("the document is not a Domibus PMode set");
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?><!DOCTYPE db:configuration [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]><db:configuration xmlns:db=\"http://domibus.eu/configuration\" "
                + "party=\"&x;\"/>", Map.of())).isInstanceOf(PartnerRefusedException.class);
        assertThatThrownBy(() -> read("<db:configuration xmlns:db=\"http://domibus.eu/configuration\"", Map.of()))
                .hasMessageStartingWith("the PMode set is not well-formed XML");
    }
}
