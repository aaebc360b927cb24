package eu.lexbridge.trust.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.evidence.Reason;
import eu.lexbridge.core.evidence.RejectionReason;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class RemEvidenceFactoryTest {

    private static final String REM = "http://uri.etsi.org/02640/v2#";
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final UUID EVIDENCE_ID = UUID.fromString("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0");
    private static final Instant AT = Instant.parse("2025-03-04T09:16:01.987654Z");

    private final RemEvidenceFactory factory =
            new RemEvidenceFactory("lexbridge-at", "https://as4.lexbridge.at/services/as4", ZoneId.of("Europe/Vienna"));

    /**
     * The official sample, signature aside, and ours have the same lines once text and attribute values are blanked:
     * same elements, order, attributes, namespace declarations and indentation, but for what the ETSI schema
     * requires and the official layout lacks (see {@link RemEvidenceFactory}). Ours adds MessageSubject, the Name in
     * the recipient's EntityName, and MessageIdentifierByREMMD, which the official connector writes whenever it knows
     * the ebMS id (it did not yet for that 2017 sample); it has no issuer PostalAddress, as the official connector
     * writes it when no address is configured. Nothing else is added, removed or moved.
     */
    @Test
    void isLaidOutLineByLineAsTheOfficialConnectorWritesIt() throws Exception {
        Path official = InteropVectors.officialSubmissionAcceptance().orElse(null);
        Assumptions.assumeTrue(official != null, InteropVectors.ABSENT);

        List<String> expected = skeleton(Files.readString(official, StandardCharsets.UTF_8));
        List<String> emptyPostalAddress = List.of("                <PostalAddress>",
                "                    <StreetAddress/>", "                    <Locality/>",
                "                    <PostalCode/>", "                    <CountryName/>",
                "                </PostalAddress>");
        int postal = expected.indexOf(emptyPostalAddress.get(0));
        assertThat(expected.subList(postal, postal + emptyPostalAddress.size())).isEqualTo(emptyPostalAddress);
        expected.subList(postal, postal + emptyPostalAddress.size()).clear();
        int entityName = expected.indexOf("                    <EntityName/>");
        assertThat(entityName).as("the official sample has an empty recipient EntityName").isPositive();
        expected.set(entityName, "                    <EntityName>");
        expected.add(entityName + 1, "                        <Name>…</Name>");
        expected.add(entityName + 2, "                    </EntityName>");
        int ua = expected.indexOf("        <UAMessageIdentifier>…</UAMessageIdentifier>");
        assertThat(ua).as("the official sample has a UAMessageIdentifier").isPositive();
        expected.add(ua, "        <MessageSubject>…</MessageSubject>");
        expected.add(ua + 2, "        <MessageIdentifierByREMMD>…</MessageIdentifierByREMMD>");

        String ours = text(create(EvidenceType.SUBMISSION_ACCEPTANCE, TestMessages.outbound().build(), null));
        assertThat(skeleton(ours)).containsExactlyElementsOf(expected);
        assertThat(ours).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SubmissionAcceptanceRejection "
                + "xmlns=\"http://uri.etsi.org/02640/v2#\" xmlns:ns2=\"http://uri.etsi.org/02231/v2#\" "
                + "xmlns:ns3=\"http://www.w3.org/2000/09/xmldsig#\" xmlns:ns4=\"http://uri.etsi.org/01903/v1.3.2#\" "
                + "xmlns:ns5=\"urn:oasis:names:tc:SAML:2.0:assertion\" xmlns:ns6=\"http://www.w3.org/2001/04/xmlenc#\" "
                + "xmlns:ns7=\"http://uri.etsi.org/02640/soapbinding/v1#\" "
                + "xmlns:xmime=\"http://www.w3.org/2005/05/xmlmime\" Id=\"id-" + EVIDENCE_ID + "\" version=\"2.1.1\">\n");
    }

    @ParameterizedTest
    @CsvSource({
        "SUBMISSION_ACCEPTANCE,  SubmissionAcceptanceRejection,    http:uri.etsi.org/02640/Event#Acceptance",
        "SUBMISSION_REJECTION,   SubmissionAcceptanceRejection,    http:uri.etsi.org/02640/Event#Rejection",
        "RELAY_REMMD_ACCEPTANCE, RelayREMMDAcceptanceRejection,    http:uri.etsi.org/02640/Event#Acceptance",
        "RELAY_REMMD_REJECTION,  RelayREMMDAcceptanceRejection,    http:uri.etsi.org/02640/Event#Rejection",
        "RELAY_REMMD_FAILURE,    RelayREMMDFailure,                http:uri.etsi.org/02640/Event#DeliveryExpiration",
        "DELIVERY,               DeliveryNonDeliveryToRecipient,   http:uri.etsi.org/02640/Event#Delivery",
        "NON_DELIVERY,           DeliveryNonDeliveryToRecipient,   http:uri.etsi.org/02640/Event#NonDelivery",
        "RETRIEVAL,              RetrievalNonRetrievalByRecipient, http:uri.etsi.org/02640/Event#Retrieval",
        "NON_RETRIEVAL,          RetrievalNonRetrievalByRecipient, http:uri.etsi.org/02640/Event#RetrievalExpiration"
    })
    void writesTheRootElementAndEventCodeOfEachType(EvidenceType type, String root, String eventCode)
            throws Exception {
        byte[] xml = create(type, TestMessages.outbound().build(), RejectionReason.OTHER.because("test"));
        Element element = parse(xml).getDocumentElement();
        assertThat(element.getNamespaceURI()).isEqualTo(REM);
        assertThat(element.getLocalName()).isEqualTo(root);
        assertThat(element.getAttribute("version")).isEqualTo("2.1.1");
        // xs:ID: an NCName, which this UUID (it starts with a digit) alone is not
        assertThat(element.getAttribute("Id")).isEqualTo("id-" + EVIDENCE_ID);
        assertThat(childText(element, "EventCode")).isEqualTo(eventCode);
        // byte for byte, as the malformed URI must travel
        assertThat(text(xml)).contains("<EventCode>" + eventCode + "</EventCode>");
    }

    @ParameterizedTest
    @EnumSource(EvidenceType.class)
    void followsTheEtsiElementOrder(EvidenceType type) throws Exception {
        Element root = parse(create(type, TestMessages.outbound().build(),
                RejectionReason.OTHER.because("test"))).getDocumentElement();
        List<String> expected = new ArrayList<>(List.of("EventCode", "EventReasons", "EvidenceIdentifier",
                "EvidenceIssuerPolicyID", "EvidenceIssuerDetails", "EventTime", "SubmissionTime", "ReplyToAddress",
                "SenderDetails", "RecipientsDetails", "SenderMessageDetails"));
        if (type.isPositive()) {
            expected.remove("EventReasons");
        }
        if (!type.name().startsWith("SUBMISSION_")) {
            expected.remove("SubmissionTime");
        }
        assertThat(childNames(root)).containsExactlyElementsOf(expected);
        assertThat(childNames(child(root, "SenderMessageDetails")))
                .containsExactly("MessageSubject", "UAMessageIdentifier", "MessageIdentifierByREMMD", "DigestMethod",
                        "DigestValue");
    }

    @Test
    void writesMessageIdsTimesAndAddresses() throws Exception {
        Element root = parse(create(EvidenceType.SUBMISSION_ACCEPTANCE, TestMessages.outbound().build(), null))
                .getDocumentElement();
        assertThat(childText(root, "EvidenceIdentifier")).isEqualTo(EVIDENCE_ID.toString());
        assertThat(childText(child(root, "EvidenceIssuerPolicyID"), "PolicyID"))
                .isEqualTo("http://uri.eu-ecodex.eu/eDeliveryPolicy");
        Element issuer = child(root, "EvidenceIssuerDetails");
        assertThat(issuer.getTextContent()).contains("lexbridge-at");
        Element issuerAddress = child(issuer, "AttributedElectronicAddress");
        assertThat(issuerAddress.getTextContent()).isEqualTo("https://as4.lexbridge.at/services/as4");
        assertThat(issuerAddress.getAttribute("scheme")).isEqualTo("mailto");
        // Vienna is at +01:00 in March; milliseconds as JAXB writes them
        assertThat(childText(root, "EventTime")).isEqualTo("2025-03-04T10:16:01.987+01:00");
        assertThat(childText(root, "SubmissionTime")).isEqualTo("2025-03-04T10:15:30.123+01:00");
        Element replyTo = child(root, "ReplyToAddress");
        assertThat(replyTo.getTextContent()).isEqualTo("at-prosecutor");
        assertThat(replyTo.getAttribute("scheme")).isEqualTo("mailto");
        assertThat(child(child(root, "SenderDetails"), "AttributedElectronicAddress").getTextContent())
                .isEqualTo("at-prosecutor");
        Element recipient = child(child(root, "RecipientsDetails"), "EntityDetails");
        assertThat(child(recipient, "AttributedElectronicAddress").getTextContent()).isEqualTo("de-court");
        assertThat(recipient.getTextContent().strip()).startsWith("de-court");
        assertThat(issuer.getElementsByTagNameNS(REM, "PostalAddress").getLength()).isZero();
        Element details = child(root, "SenderMessageDetails");
        assertThat(details.getAttribute("isNotification")).isEqualTo("false");
        assertThat(childText(details, "MessageSubject")).isEqualTo("EPO/Form_A");
        assertThat(childText(details, "UAMessageIdentifier")).isEqualTo("AT-2025-000017");
        assertThat(childText(details, "MessageIdentifierByREMMD"))
                .isEqualTo("5b2a3c1e-7d4f-4e8a-9c3b-1f2e3d4c5b6a@lexbridge.at");
    }

    @Test
    void writesUtcTimesWithZ() throws Exception {
        RemEvidenceFactory utc = new RemEvidenceFactory("lexbridge-at", "https://as4.lexbridge.at", ZoneOffset.UTC);
        byte[] xml = utc.create(EvidenceType.DELIVERY, EVIDENCE_ID, TestMessages.outbound().build(), AT, null);
        assertThat(childText(parse(xml).getDocumentElement(), "EventTime")).isEqualTo("2025-03-04T09:16:01.987Z");
    }

    @Test
    void hashesTheBusinessDocumentNotItsContent() throws Exception {
        byte[] xml = create(EvidenceType.SUBMISSION_ACCEPTANCE, TestMessages.outbound().build(), null);
        Element details = child(parse(xml).getDocumentElement(), "SenderMessageDetails");
        Element method = (Element) details.getElementsByTagNameNS(DSIG, "DigestMethod").item(0);
        Element value = (Element) details.getElementsByTagNameNS(DSIG, "DigestValue").item(0);
        assertThat(method.getAttribute("Algorithm")).isEqualTo("SHA256");
        assertThat(Base64.getDecoder().decode(value.getTextContent()))
                .isEqualTo(HexFormat.of().parseHex(TestMessages.PDF_SHA256));
        assertThat(text(xml)).doesNotContain("store-document-1", "store-content-1", "Claim.pdf", "messageContent");
    }

    @Test
    void hashesTheXmlContentWhenThereIsNoDocumentAndNothingWhenThereIsNoHash() throws Exception {
        ConnectorMessage xmlOnly = TestMessages.outbound().payloads(List.of(new PayloadRef("p", PayloadKind
                .BUSINESS_CONTENT, "messageContent", "application/xml", 10, TestMessages.XML_SHA256))).build();
        Element details = child(parse(create(EvidenceType.DELIVERY, xmlOnly, null)).getDocumentElement(),
                "SenderMessageDetails");
        assertThat(Base64.getDecoder().decode(
                details.getElementsByTagNameNS(DSIG, "DigestValue").item(0).getTextContent()))
                .isEqualTo(HexFormat.of().parseHex(TestMessages.XML_SHA256));

        ConnectorMessage noHash = TestMessages.outbound().payloads(List.of(new PayloadRef("p", PayloadKind
                .BUSINESS_CONTENT, "messageContent", "application/xml", 10, "not-a-sha256"))).build();
        Element bare = child(parse(create(EvidenceType.DELIVERY, noHash, null)).getDocumentElement(),
                "SenderMessageDetails");
        assertThat(childNames(bare)).containsExactly("MessageSubject", "UAMessageIdentifier",
                "MessageIdentifierByREMMD");
    }

    @Test
    void aNegativeEvidenceCarriesTheReasonRightAfterTheEventCode() throws Exception {
        Element root = parse(create(EvidenceType.RELAY_REMMD_FAILURE, TestMessages.outbound().build(),
                RejectionReason.RELAY_REMMD_TIMEOUT.named("no relay evidence within 12h"))).getDocumentElement();
        Element reason = child(child(root, "EventReasons"), "EventReason");
        assertThat(childText(reason, "Code")).isEqualTo("E301");
        assertThat(childText(reason, "Details")).isEqualTo("RELAY_REMMD_TIMEOUT: no relay evidence within 12h");

        Element unspecific = parse(create(EvidenceType.NON_DELIVERY, TestMessages.outbound().build(),
                RejectionReason.OTHER.because("Container signature invalid"))).getDocumentElement();
        Element unspecificReason = child(child(unspecific, "EventReasons"), "EventReason");
        assertThat(childText(unspecificReason, "Code")).isEqualTo("E100");
        assertThat(childText(unspecificReason, "Details")).isEqualTo("Container signature invalid");

        Element withoutReason = parse(create(EvidenceType.SUBMISSION_REJECTION, TestMessages.outbound().build(),
                null)).getDocumentElement();
        assertThat(childNames(child(child(withoutReason, "EventReasons"), "EventReason"))).containsExactly("Code");
    }

    /** Every code is written as it is, with the detail as Details; a reason without words has no Details. */
    @ParameterizedTest
    @EnumSource(RejectionReason.class)
    void writesTheCodeAndTheDetailOfTheReasonAsGiven(RejectionReason code) throws Exception {
        Element said = child(child(parse(create(EvidenceType.NON_DELIVERY, TestMessages.outbound().build(),
                code.because("  the partner said: no  "))).getDocumentElement(), "EventReasons"), "EventReason");
        assertThat(childText(said, "Code")).isEqualTo(code.code());
        assertThat(childText(said, "Details")).isEqualTo("the partner said: no");

        Element silent = child(child(parse(create(EvidenceType.RELAY_REMMD_FAILURE, TestMessages.outbound().build(),
                code.because(""))).getDocumentElement(), "EventReasons"), "EventReason");
        assertThat(childNames(silent)).containsExactly("Code");
        assertThat(childText(silent, "Code")).isEqualTo(code.code());
    }

    @Test
    void aPositiveEvidenceIgnoresAReason() throws Exception {
        Element root = parse(create(EvidenceType.DELIVERY, TestMessages.outbound().build(),
                RejectionReason.OTHER.because("stray")))
                .getDocumentElement();
        assertThat(childNames(root)).doesNotContain("EventReasons");
    }

    @Test
    void fallsBackToTheEbmsIdAndThePartiesWhenTheBackendGaveNone() throws Exception {
        ConnectorMessage bare = TestMessages.outbound().backendMessageId(null).originalSender(null)
                .finalRecipient(" ").build();
        Element root = parse(create(EvidenceType.RELAY_REMMD_ACCEPTANCE, bare, null)).getDocumentElement();
        Element details = child(root, "SenderMessageDetails");
        assertThat(childText(details, "UAMessageIdentifier")).isEqualTo(bare.ebmsMessageId());
        assertThat(child(child(root, "SenderDetails"), "AttributedElectronicAddress").getTextContent())
                .isEqualTo("AT");
        assertThat(child(child(child(root, "RecipientsDetails"), "EntityDetails"), "AttributedElectronicAddress")
                .getTextContent()).isEqualTo("DE");
    }

    @Test
    void writesUtf8AndKeepsEveryValueLegalXml() throws Exception {
        RemEvidenceFactory vienna = new RemEvidenceFactory("Landesgericht für Zivilrechtssachen Wien",
                "https://as4.justiz.gv.at", ZoneId.of("Europe/Vienna"));
        byte[] xml = vienna.create(EvidenceType.NON_DELIVERY, EVIDENCE_ID,
                TestMessages.outbound().originalSender("Staatsanwaltschaft <Wien> & \"Graz\"").build(), AT,
                RejectionReason.BACKEND_REJECTION.because("rejected by back-end\u0000\u0007: ïñ ✓ 𝄞"));
        assertThat(text(xml)).contains("Landesgericht für Zivilrechtssachen Wien");
        Element root = parse(xml).getDocumentElement();
        assertThat(child(root, "EvidenceIssuerDetails").getTextContent())
                .contains("Landesgericht für Zivilrechtssachen Wien");
        assertThat(childText(child(child(root, "EventReasons"), "EventReason"), "Details"))
                .isEqualTo("rejected by back-end\uFFFD\uFFFD: ïñ ✓ 𝄞");
        assertThat(child(root, "ReplyToAddress").getTextContent()).isEqualTo("Staatsanwaltschaft <Wien> & \"Graz\"");
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        ConnectorMessage message = TestMessages.outbound().build();
        assertThat(create(EvidenceType.DELIVERY, message, null)).isEqualTo(create(EvidenceType.DELIVERY, message, null));
    }

    @Test
    void refusesABlankIssuer() {
        assertThatThrownBy(() -> new RemEvidenceFactory(" ", "https://x", ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("issuerName");
        assertThatThrownBy(() -> new RemEvidenceFactory("x", null, ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("issuerAddress");
        assertThatThrownBy(() -> new RemEvidenceFactory("x", "https://x", null))
                .isInstanceOf(NullPointerException.class);
    }

    private byte[] create(EvidenceType type, ConnectorMessage message, Reason reason) {
        return factory.create(type, EVIDENCE_ID, message, AT, reason);
    }

    /** Lines with text and attribute values blanked, the signature left out. */
    static List<String> skeleton(String xml) {
        List<String> lines = new ArrayList<>();
        boolean inSignature = false;
        for (String line : xml.replace("\r\n", "\n").split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (line.contains("<ds:Signature")) {
                inSignature = true;
            }
            if (inSignature) {
                inSignature = !line.contains("</ds:Signature>");
                continue;
            }
            lines.add(line.replaceAll("=\"[^\"]*\"", "=\"…\"").replaceAll(">[^<]+</", ">…</"));
        }
        return lines;
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String text(byte[] xml) {
        return new String(xml, StandardCharsets.UTF_8);
    }

    private static List<String> childNames(Element parent) {
        List<String> names = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                names.add(e.getLocalName());
            }
        }
        return names;
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new AssertionError("no " + localName + " under " + parent.getLocalName());
    }

    private static String childText(Element parent, String localName) {
        return child(parent, localName).getTextContent();
    }
}
