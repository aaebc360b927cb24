package eu.lexbridge.trust.evidence;

import static eu.lexbridge.trust.evidence.Evidences.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.evidence.EvidenceType;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The layout of our seal, compared with the official connector's. */
class EvidenceSealerTest {

    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final String XADES = "http://uri.etsi.org/01903/v1.3.2#";
    private static final Instant SIGNED_AT = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    @TempDir
    static Path dir;

    private static SealingPki pki;

    @BeforeAll
    static void generate() {
        pki = SealingPki.generate(dir, "at-prosecutor");
    }

    private static EvidenceSealer sealer(ReferenceDigest digest) {
        return new EvidenceSealer(pki.sealKey("at-prosecutor"), digest, Clock.fixed(SIGNED_AT, ZoneOffset.UTC));
    }

    @Test
    void theSealIsTheLastChildOfTheRootAndLeavesTheContentAsItWas() throws Exception {
        byte[] unsealed = Evidences.unsealed(EvidenceType.SUBMISSION_ACCEPTANCE);
        Document sealed = parse(sealer(ReferenceDigest.SHA1).seal(unsealed));

        Element root = sealed.getDocumentElement();
        Element last = lastElementChild(root);
        assertThat(last.getNamespaceURI()).isEqualTo(DSIG);
        assertThat(last.getLocalName()).isEqualTo("Signature");
        assertThat(last.getAttribute("Id")).matches("id-[0-9a-f]{32}");
        root.removeChild(last);
        assertThat(elementNames(root)).containsExactlyElementsOf(elementNames(parse(unsealed).getDocumentElement()));
        assertThat(root.getTextContent().strip()).isEqualTo(parse(unsealed).getDocumentElement().getTextContent().strip());
    }

    @Test
    void itIsXadesBaselineBEnvelopedAsTheOfficialConnectorSignsWithSha1References() throws Exception {
        Document sealed = parse(sealer(ReferenceDigest.SHA1).seal(Evidences.unsealed(EvidenceType.DELIVERY)));
        Element signature = lastElementChild(sealed.getDocumentElement());

        assertThat(algorithm(signature, "CanonicalizationMethod")).isEqualTo("http://www.w3.org/2001/10/xml-exc-c14n#");
        assertThat(algorithm(signature, "SignatureMethod"))
                .isEqualTo("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        List<Element> references = children(first(signature, DSIG, "SignedInfo"), "Reference");
        assertThat(references).hasSize(2);

        Element document = references.get(0);
        assertThat(document.getAttribute("Id")).isEqualTo("r-id-1");
        assertThat(document.getAttribute("URI")).isEmpty();
        assertThat(document.hasAttribute("URI")).isTrue();
        List<Element> transforms = children(first(document, DSIG, "Transforms"), "Transform");
        assertThat(transforms).extracting(t -> t.getAttribute("Algorithm")).containsExactly(
                "http://www.w3.org/TR/1999/REC-xpath-19991116", "http://www.w3.org/2001/10/xml-exc-c14n#");
        assertThat(first(transforms.get(0), DSIG, "XPath").getTextContent())
                .isEqualTo("not(ancestor-or-self::ds:Signature)");
        assertThat(algorithm(document, "DigestMethod")).isEqualTo("http://www.w3.org/2000/09/xmldsig#sha1");

        Element properties = references.get(1);
        assertThat(properties.getAttribute("Type")).isEqualTo("http://uri.etsi.org/01903#SignedProperties");
        assertThat(algorithm(properties, "DigestMethod")).isEqualTo("http://www.w3.org/2000/09/xmldsig#sha1");

        List<Element> certificates = all(first(signature, DSIG, "KeyInfo"), DSIG, "X509Certificate");
        assertThat(certificates).as("the signing certificate alone, as the official connector").hasSize(1);
        assertThat(Base64.getMimeDecoder().decode(certificates.get(0).getTextContent()))
                .isEqualTo(pki.sealCertificate("at-prosecutor").getEncoded());

        assertThat(first(signature, XADES, "SigningTime").getTextContent()).isEqualTo(SIGNED_AT.toString());
        assertThat(all(signature, XADES, "SigningCertificate")).hasSize(1);
        Element format = first(signature, XADES, "DataObjectFormat");
        assertThat(format.getAttribute("ObjectReference")).isEqualTo("#r-id-1");
        assertThat(first(format, XADES, "MimeType").getTextContent()).isEqualTo("text/xml");
    }

    @Test
    void theReferenceDigestCanBeSha256() throws Exception {
        Document sealed = parse(sealer(ReferenceDigest.SHA256).seal(Evidences.unsealed(EvidenceType.DELIVERY)));
        Element signedInfo = first(lastElementChild(sealed.getDocumentElement()), DSIG, "SignedInfo");
        assertThat(children(signedInfo, "Reference")).extracting(r -> algorithm(r, "DigestMethod"))
                .containsOnly("http://www.w3.org/2001/04/xmlenc#sha256");
        assertThat(algorithm(signedInfo, "SignatureMethod"))
                .isEqualTo("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
    }

    /**
     * Same SignedInfo as the official sample, element for element, transform for transform, digest method for digest
     * method; only the signature method differs (RSA-SHA256 for their RSA-SHA1). Same top-level children of
     * ds:Signature and of the signed properties.
     */
    @Test
    void theSignatureHasTheOfficialConnectorsShape() throws Exception {
        Path official = InteropVectors.officialSubmissionAcceptance().orElse(null);
        Assumptions.assumeTrue(official != null, InteropVectors.ABSENT);
        Element theirs = lastElementChild(parse(Files.readAllBytes(official)).getDocumentElement());
        Element ours = lastElementChild(parse(sealer(ReferenceDigest.SHA1)
                .seal(Evidences.unsealed(EvidenceType.SUBMISSION_ACCEPTANCE))).getDocumentElement());

        assertThat(shape(first(ours, DSIG, "SignedInfo")).replace("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
                        "http://www.w3.org/2000/09/xmldsig#rsa-sha1"))
                .isEqualTo(shape(first(theirs, DSIG, "SignedInfo")));
        assertThat(elementNames(ours)).containsExactlyElementsOf(elementNames(theirs));
        assertThat(elementNames(first(ours, XADES, "SignedSignatureProperties")))
                .containsExactlyElementsOf(elementNames(first(theirs, XADES, "SignedSignatureProperties")));
        assertThat(elementNames(first(ours, XADES, "SignedDataObjectProperties")))
                .containsExactlyElementsOf(elementNames(first(theirs, XADES, "SignedDataObjectProperties")));
        assertThat(text(sealer(ReferenceDigest.SHA1).seal(Evidences.unsealed(EvidenceType.DELIVERY))))
                .contains("<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" Id=\"id-");
    }

    @Test
    void whatIsNoXmlCannotBeSealed() {
        assertThatThrownBy(() -> sealer(ReferenceDigest.SHA1).seal(Evidences.bytes("not xml at all")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cannot seal the evidence with SealKey[CN=at-prosecutor Evidence Seal]");
    }

    /** Element names, algorithms and XPath text of a subtree; digest values and ids left out. */
    private static String shape(Element element) {
        StringBuilder shape = new StringBuilder(element.getLocalName());
        if (element.hasAttribute("Algorithm")) {
            shape.append('[').append(element.getAttribute("Algorithm")).append(']');
        }
        if (element.hasAttribute("URI")) {
            shape.append("[URI=").append(element.getAttribute("URI").isEmpty() ? "" : "#").append(']');
        }
        if ("XPath".equals(element.getLocalName())) {
            shape.append('(').append(element.getTextContent()).append(')');
        }
        List<Element> children = children(element, null);
        if (!children.isEmpty()) {
            shape.append('{');
            children.forEach(child -> shape.append(shape(child)).append(';'));
            shape.append('}');
        }
        return shape.toString();
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static Element lastElementChild(Element parent) {
        List<Element> children = children(parent, null);
        return children.get(children.size() - 1);
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && (localName == null || localName.equals(element.getLocalName()))) {
                children.add(element);
            }
        }
        return children;
    }

    private static List<String> elementNames(Element parent) {
        return children(parent, null).stream().map(Element::getLocalName).toList();
    }

    private static List<Element> all(Element parent, String namespace, String localName) {
        var nodes = parent.getElementsByTagNameNS(namespace, localName);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static Element first(Element parent, String namespace, String localName) {
        List<Element> elements = all(parent, namespace, localName);
        assertThat(elements).as(localName).isNotEmpty();
        return elements.get(0);
    }

    private static String algorithm(Element parent, String localName) {
        return first(parent, DSIG, localName).getAttribute("Algorithm");
    }
}
