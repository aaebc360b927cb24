package eu.lexbridge.trust.evidence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * The official connector's SUBMISSION_ACCEPTANCE sample, as stored and as the official connector wrote it.
 *
 * <p>The stored file was indented after it was signed: exclusive c14n keeps whitespace, so as stored neither
 * reference digest nor the signature value match. With the whitespace-only text nodes taken out again, which is how
 * the official connector (JAXB without formatting, then DSS) wrote it, all three verify.
 */
final class OfficialEvidence {

    private OfficialEvidence() {
    }

    static byte[] asStored(Path file) throws Exception {
        return Files.readAllBytes(file);
    }

    /** The document without whitespace-only text nodes between elements. */
    static byte[] asSigned(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(file.toFile());
        strip(document.getDocumentElement());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.INDENT, "no");
        transformer.transform(new DOMSource(document), new StreamResult(out));
        return out.toByteArray();
    }

    /** The certificate in its KeyInfo. */
    static X509Certificate signer(Path file) throws Exception {
        String text = Files.readString(file);
        String base64 = text.substring(text.indexOf("<ds:X509Certificate>") + "<ds:X509Certificate>".length(),
                text.indexOf("</ds:X509Certificate>")).replaceAll("\\s", "");
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }

    private static void strip(Node node) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNextSibling();
            if (child.getNodeType() == Node.TEXT_NODE && child.getNodeValue().isBlank()) {
                node.removeChild(child);
            } else {
                strip(child);
            }
            child = next;
        }
    }
}
