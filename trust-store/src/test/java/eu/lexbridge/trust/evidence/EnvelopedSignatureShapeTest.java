package eu.lexbridge.trust.evidence;

import static eu.lexbridge.trust.evidence.Evidences.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class EnvelopedSignatureShapeTest {

    private static final String XPATH = "http://www.w3.org/TR/1999/REC-xpath-19991116";
    private static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";

    private static String evidence(String transforms) {
        return "<DeliveryNonDeliveryToRecipient xmlns=\"http://uri.etsi.org/02640/v2#\">"
                + "<EventCode>x</EventCode>"
                + "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo>"
                + "<ds:Reference URI=\"\"><ds:Transforms>" + transforms + "</ds:Transforms></ds:Reference>"
                + "<ds:Reference URI=\"#xades-1\"/>"
                + "</ds:SignedInfo></ds:Signature></DeliveryNonDeliveryToRecipient>";
    }

    private static String xpath(String path) {
        return "<ds:Transform Algorithm=\"" + XPATH + "\"><ds:XPath>" + path + "</ds:XPath></ds:Transform>";
    }

    private static String transform(String algorithm) {
        return "<ds:Transform Algorithm=\"" + algorithm + "\"/>";
    }

    @Test
    void theOfficialConnectorsSealCoversTheWholeDocument() throws Exception {
        Path official = InteropVectors.officialSubmissionAcceptance().orElse(null);
        Assumptions.assumeTrue(official != null, InteropVectors.ABSENT);
        EnvelopedSignatureShape shape = EnvelopedSignatureShape.of(OfficialEvidence.asStored(official));
        assertThat(shape.enveloped()).isTrue();
        assertThat(shape.referencesStayInside()).isTrue();
        assertThat(shape.coversWholeDocument()).isTrue();
        assertThat(shape.wholeDocumentTransforms())
                .containsExactly(XPATH + "(not(ancestor-or-self::ds:Signature))", EXC_C14N);
    }

    @Test
    void theUsualEnvelopedTransformsCoverTheWholeDocument() {
        assertThat(EnvelopedSignatureShape.of(bytes(evidence(
                transform("http://www.w3.org/2000/09/xmldsig#enveloped-signature") + transform(EXC_C14N))))
                .coversWholeDocument()).isTrue();
        assertThat(EnvelopedSignatureShape.of(bytes(evidence(
                "<ds:Transform Algorithm=\"http://www.w3.org/2002/06/xmldsig-filter2\">"
                        + "<dsig-xpath:XPath xmlns:dsig-xpath=\"http://www.w3.org/2002/06/xmldsig-filter2\" "
                        + "Filter=\"subtract\">/descendant::ds:Signature</dsig-xpath:XPath></ds:Transform>")))
                .coversWholeDocument()).isTrue();
    }

    @Test
    void aTransformThatLeavesContentOutIsNamed() {
        EnvelopedSignatureShape filtered = EnvelopedSignatureShape.of(bytes(evidence(
                xpath("not(ancestor-or-self::ds:Signature or ancestor-or-self::*[local-name()='EventCode'])"))));
        assertThat(filtered.coversWholeDocument()).isFalse();
        assertThat(filtered.unexpectedTransforms()).singleElement().asString().contains("EventCode");

        EnvelopedSignatureShape otherPrefix = EnvelopedSignatureShape.of(bytes(evidence(
                "<ds:Transform Algorithm=\"" + XPATH + "\"><ds:XPath xmlns:x=\"urn:other\">"
                        + "not(ancestor-or-self::x:Signature)</ds:XPath></ds:Transform>")));
        assertThat(otherPrefix.coversWholeDocument()).as("x: is not XML-DSig").isFalse();

        assertThat(EnvelopedSignatureShape.of(bytes(evidence(transform("http://www.w3.org/TR/1999/REC-xslt-19991116"))))
                .coversWholeDocument()).isFalse();
        assertThat(EnvelopedSignatureShape.of(bytes(evidence(transform(XPATH)))).coversWholeDocument())
                .as("an XPath transform without its XPath").isFalse();
    }

    @Test
    void countsSignaturesAndFindsWrappedOnesAndOutsideReferences() {
        String two = evidence(transform(EXC_C14N)).replace("<EventCode>x</EventCode>",
                "<EventCode>x</EventCode><ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"/>");
        EnvelopedSignatureShape shape = EnvelopedSignatureShape.of(bytes(two));
        assertThat(shape.signatures()).isEqualTo(2);
        assertThat(shape.enveloped()).isFalse();

        String wrapped = "<R xmlns=\"http://uri.etsi.org/02640/v2#\"><E>"
                + "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"/></E></R>";
        assertThat(EnvelopedSignatureShape.of(bytes(wrapped)).enveloped()).isFalse();

        String outside = evidence(transform(EXC_C14N)).replace("URI=\"#xades-1\"", "URI=\"file:///etc/passwd\"");
        assertThat(EnvelopedSignatureShape.of(bytes(outside)).referencesStayInside()).isFalse();
        String none = evidence(transform(EXC_C14N)).replace(" URI=\"#xades-1\"", "");
        assertThat(EnvelopedSignatureShape.of(bytes(none)).referencesStayInside()).isFalse();
    }

    @Test
    void refusesADoctype() {
        assertThatThrownBy(() -> EnvelopedSignatureShape.of(bytes("<!DOCTYPE x [<!ENTITY e \"e\">]><x>&e;</x>")))
                .isInstanceOf(UnreadableEvidenceException.class).hasMessageContaining("DOCTYPE");
    }
}
