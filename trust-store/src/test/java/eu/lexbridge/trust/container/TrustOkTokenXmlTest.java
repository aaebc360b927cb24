package eu.lexbridge.trust.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.trust.container.TrustOkToken.SignatureData;
import eu.lexbridge.trust.container.TrustOkToken.TechnicalTrustLevel;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class TrustOkTokenXmlTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    private static final TrustOkToken.Document DOCUMENT =
            new TrustOkToken.Document("order.pdf", "PDF", null, new byte[32]);
    private static final String REPORT = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<SimpleReport xmlns=\"http://dss.esig.europa.eu/validation/simple-report\"><SignaturesCount>1"
            + "</SignaturesCount></SimpleReport>";

    @Test
    void aSignatureBasedTokenCarriesTheSignatureSummaryAndTheValidatorsReport() throws Exception {
        SignatureData signature = new SignatureData(NOW.minusSeconds(60), true, true, "PAdES_BASELINE_B", "QESeal",
                "CN=at-court Document Seal", "CN=LexBridge Test Issuing CA", true, true,
                TechnicalTrustLevel.SUCCESSFUL, "intact, trusted, not revoked");
        TrustOkToken token = TrustOkToken.signatureBased("LexBridge", "AT", DOCUMENT, signature,
                TechnicalTrustLevel.SUCCESSFUL, "intact, trusted, not revoked", REPORT, NOW);

        Document xml = parse(TrustOkTokenXml.write(token));

        assertThat(text(xml, "AdvancedElectronicSystem")).isEqualTo("Signature-based");
        assertThat(text(xml, "SignatureLevel")).isEqualTo("QESeal");
        assertThat(text(xml, "Subject")).isEqualTo("CN=at-court Document Seal");
        assertThat(xml.getElementsByTagName("LegalResult").item(0).getTextContent()).contains("SUCCESSFUL")
                .contains(TrustOkToken.DISCLAIMER_APPROVED);
        var report = xml.getElementsByTagName("OriginalValidationReport").item(0);
        assertThat(report).isNotNull();
        assertThat(report.getTextContent().strip()).isEqualTo("1");
        assertThat(report.getFirstChild().getNextSibling().getNamespaceURI())
                .isEqualTo("http://dss.esig.europa.eu/validation/simple-report");
    }

    @Test
    void anInsufficientTechnicalResultIsNeverLegallySuccessful() throws Exception {
        TrustOkToken sufficient = TrustOkToken.signatureBased("LexBridge", "AT", DOCUMENT, null,
                TechnicalTrustLevel.SUFFICIENT, "revocation could not be determined", null, NOW);
        Document xml = parse(TrustOkTokenXml.write(sufficient));

        assertThat(xml.getElementsByTagName("LegalResult").item(0).getTextContent()).contains("NOT_SUCCESSFUL")
                .contains(TrustOkToken.DISCLAIMER_NOT_APPROVED);
        assertThat(xml.getElementsByTagName("OriginalValidationReport").getLength()).isZero();
        assertThat(xml.getElementsByTagName("SignatureData").getLength()).isZero();
        assertThatThrownBy(() -> new TrustOkToken.Validation(NOW, null, null, TechnicalTrustLevel.FAIL, "x",
                TrustOkToken.LegalTrustLevel.SUCCESSFUL, "d", null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        assertThat(new String(xml, StandardCharsets.UTF_8)).containsOnlyOnce("<?xml");
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String text(Document xml, String name) {
        return xml.getElementsByTagName(name).item(0).getTextContent();
    }
}
