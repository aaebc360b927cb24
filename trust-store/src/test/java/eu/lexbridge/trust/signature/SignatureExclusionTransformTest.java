package eu.lexbridge.trust.signature;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.lexbridge.shaded.xmlsec3.org.apache.xml.security.transforms.Transform;
import eu.lexbridge.shaded.xmlsec3.org.apache.xml.security.transforms.Transforms;
import eu.lexbridge.shaded.xmlsec3.org.apache.xml.security.utils.XPathAPI;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.pki.SharedTestPki;
import eu.lexbridge.trust.pki.TestPki;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerException;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The e-CODEX seal's XPath exclusion, answered without an XPath engine, gives the XPath engine's answer for every node,
 * and what it seals verifies in the JDK's own XML-signature implementation (an independent Santuario fork).
 */
class SignatureExclusionTransformTest {

    private static final char[] PASSWORD = "pw-exclusion".toCharArray();
    private static final String EXCLUSION = "not(ancestor-or-self::ds:Signature)";
    /** A document with the shapes a node filter meets: attributes, namespaces, mixed content, comments, nesting. */
    private static final String DOCUMENT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rem:Evidence xmlns:rem="http://uri.etsi.org/02640/v2#" xmlns:x="urn:example" Version="2">
              <!-- a comment -->
              <rem:Event x:kind="delivery">text <x:inner a="1">mixed</x:inner> tail</rem:Event>
              <x:Signature>not the XML-DSig one</x:Signature>
              <?processing instruction?>
            </rem:Evidence>
            """;

    @TempDir
    static Path dir;

    private static SealKey key;

    @BeforeAll
    static void generate() {
        var pki = SharedTestPki.copyTo(dir, List.of("at-prosecutor"), PASSWORD);
        key = SealKey.fromKeyStore(KeyStores.loadPkcs12(pki.parties().get("at-prosecutor").sealKeyStore(), PASSWORD),
                TestPki.SEAL_ALIAS, PASSWORD);
    }

    @Test
    void dssSantuarioUsesItForTheXPathTransformOnceInstalled() throws Exception {
        SignatureExclusionTransform.install();
        Document document = parse(DOCUMENT.strip().getBytes(StandardCharsets.UTF_8));
        Element transformElement = document.createElementNS(SignatureExclusionTransform.DSIG, "ds:Transform");
        transformElement.setAttributeNS(null, "Algorithm", Transforms.TRANSFORM_XPATH);
        var spi = Transform.class.getDeclaredField("transformSpi");
        spi.setAccessible(true);
        assertThat(spi.get(new Transform(transformElement, ""))).isInstanceOf(SignatureExclusionTransform.class);
    }

    @Test
    void everyNodeOfASealedDocumentIsExcludedExactlyWhenTheXPathEngineExcludesIt() throws Exception {
        Document sealed = parse(seal());
        Element xpathElement = (Element) sealed.getElementsByTagNameNS(SignatureExclusionTransform.DSIG, "XPath")
                .item(0);
        assertThat(xpathElement.getTextContent()).isEqualTo(EXCLUSION);
        var fast = new SignatureExclusionTransform.SignatureExclusion(failingGeneralEngine());
        XPathExpression withPrefix = withDsPrefix();

        List<Node> nodes = allNodes(sealed);
        int excluded = 0;
        for (Node node : nodes) {
            boolean included = (Boolean) withPrefix.evaluate(node, XPathConstants.BOOLEAN);
            assertThat(fast.evaluate(node, xpathElement.getFirstChild(), EXCLUSION, xpathElement))
                    .as("%s %s", node.getNodeType(), node.getNodeName()).isEqualTo(included);
            excluded += included ? 0 : 1;
        }
        assertThat(excluded).as("the signature's own nodes").isGreaterThan(20);
        assertThat(nodes.size() - excluded).as("the document's nodes").isGreaterThan(10);
    }

    @Test
    void anyOtherExpressionOrPrefixBindingGoesToTheXPathEngine() throws Exception {
        Document sealed = parse(seal());
        Element root = sealed.getDocumentElement();
        List<String> asked = new ArrayList<>();
        XPathAPI general = new XPathAPI() {
            @Override
            public NodeList selectNodeList(Node c, Node x, String s, Node n) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean evaluate(Node contextNode, Node xpathnode, String str, Node namespaceNode) {
                asked.add(str);
                return true;
            }

            @Override
            public void clear() {
            }
        };
        var fast = new SignatureExclusionTransform.SignatureExclusion(general);

        // "x" is bound, but not to XML-DSig: x:Signature is another element
        assertThat(fast.evaluate(root, root, "not(ancestor-or-self::x:Signature)", root)).isTrue();
        assertThat(fast.evaluate(root, root, "self::node()", root)).isTrue();
        // "ds" is not bound on the root of the document
        assertThat(fast.evaluate(root, root, EXCLUSION, root)).isTrue();
        assertThat(asked).containsExactly("not(ancestor-or-self::x:Signature)", "self::node()", EXCLUSION);

        // where "ds" is bound to XML-DSig, the expression is answered here, whitespace between tokens or not
        Element xpathElement = (Element) sealed.getElementsByTagNameNS(SignatureExclusionTransform.DSIG, "XPath")
                .item(0);
        assertThat(fast.evaluate(root, root, " not ( ancestor-or-self :: ds:Signature ) ", xpathElement)).isTrue();
        assertThat(fast.evaluate(xpathElement, root, EXCLUSION, xpathElement)).isFalse();
        assertThat(asked).hasSize(3);
    }

    @Test
    void whatItSealsVerifiesInTheJdksOwnXmlSignatureImplementation() throws Exception {
        Document sealed = parse(seal());
        Element signature = (Element) sealed.getElementsByTagNameNS(SignatureExclusionTransform.DSIG, "Signature")
                .item(0);
        DOMValidateContext context = new DOMValidateContext(key.certificate().getPublicKey(), signature);
        // SHA-1 references are the official connector's layout; the JDK refuses them in its secure mode.
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE);
        NodeList signedProperties = sealed.getElementsByTagNameNS("http://uri.etsi.org/01903/v1.3.2#",
                "SignedProperties");
        context.setIdAttributeNS((Element) signedProperties.item(0), null, "Id");
        XMLSignature jdk = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
        assertThat(jdk.validate(context)).isTrue();
        for (Object reference : jdk.getSignedInfo().getReferences()) {
            assertThat(((javax.xml.crypto.dsig.Reference) reference).validate(context)).isTrue();
        }

        // and a change in the content breaks it there too
        Element event = (Element) sealed.getDocumentElement().getElementsByTagNameNS("*", "Event").item(0);
        event.setTextContent("changed");
        XMLSignature again = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
        assertThat(again.validate(context)).isFalse();
    }

    private static byte[] seal() {
        return new XmlSealer(key, DigestAlgorithm.SHA1, Clock.systemUTC())
                .seal(DOCUMENT.strip().getBytes(StandardCharsets.UTF_8), "the test document");
    }

    private static XPathAPI failingGeneralEngine() {
        return new XPathAPI() {
            @Override
            public NodeList selectNodeList(Node c, Node x, String s, Node n) {
                throw new AssertionError("asked the XPath engine");
            }

            @Override
            public boolean evaluate(Node c, Node x, String s, Node n) throws TransformerException {
                throw new AssertionError("asked the XPath engine about " + s);
            }

            @Override
            public void clear() {
            }
        };
    }

    private static XPathExpression withDsPrefix() throws Exception {
        var xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return "ds".equals(prefix) ? SignatureExclusionTransform.DSIG : XMLConstants.NULL_NS_URI;
            }

            @Override
            public String getPrefix(String namespaceUri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String namespaceUri) {
                return null;
            }
        });
        return xpath.compile(EXCLUSION);
    }

    /** Every element, attribute (namespace declarations included), text, comment and processing instruction. */
    private static List<Node> allNodes(Node node) {
        List<Node> all = new ArrayList<>();
        all.add(node);
        NamedNodeMap attributes = node.getAttributes();
        for (int i = 0; attributes != null && i < attributes.getLength(); i++) {
            all.add(attributes.item(i));
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            all.addAll(allNodes(child));
        }
        return all;
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
