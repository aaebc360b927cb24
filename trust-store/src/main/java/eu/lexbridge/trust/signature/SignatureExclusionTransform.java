package eu.lexbridge.trust.signature;

import eu.europa.esig.dss.xml.utils.SantuarioInitializer;
import eu.lexbridge.shaded.xmlsec3.org.apache.xml.security.Init;
import eu.lexbridge.shaded.xmlsec3.org.apache.xml.security.transforms.Transform;
import eu.lexbridge.shaded.xmlsec3.org.apache.xml.security.transforms.TransformSpi;
import eu.lexbridge.shaded.xmlsec3.org.apache.xml.security.transforms.Transforms;
import eu.lexbridge.shaded.xmlsec3.org.apache.xml.security.transforms.implementations.TransformXPath;
import eu.lexbridge.shaded.xmlsec3.org.apache.xml.security.utils.XPathAPI;
import eu.lexbridge.shaded.xmlsec3.org.apache.xml.security.utils.XPathFactory;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.transform.TransformerException;
import org.w3c.dom.Attr;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The XPath transform ({@code http://www.w3.org/TR/1999/REC-xpath-19991116}) of DSS's Santuario, answering the one
 * expression every e-CODEX seal uses, {@code not(ancestor-or-self::ds:Signature)}, by walking the node's ancestors.
 *
 * <p>Why: Santuario asks the expression of every node of the document in turn, and the JDK's XPath engine rebuilds its
 * model of the whole document for each question; sealing and verifying evidences spent about half of a connector's
 * CPU and most of its allocation there (issue 12's profile). The answer is the XPath 1.0 one: a node is excluded when
 * it, or an element above it (for an attribute or namespace node: its element and those above), is a
 * {@code Signature} element in the XML-DSig namespace. The prefix must be bound to that namespace where the expression
 * is written; any other expression, or another binding, goes to Santuario's own evaluation. What is signed and what
 * goes on the wire do not change.
 *
 * <p>{@link #install()} puts it in place of Santuario's transform, once per JVM, before anything is sealed or verified.
 */
public final class SignatureExclusionTransform extends TransformXPath {

    static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    /** XPath allows whitespace between tokens, not inside the QName. */
    private static final Pattern EXPRESSION = Pattern.compile(
            "\\s*not\\s*\\(\\s*ancestor-or-self\\s*::\\s*([A-Za-z_][A-Za-z0-9_.-]*):Signature\\s*\\)\\s*");

    private static volatile boolean installed;

    /**
     * Registers this transform for the XPath URI in DSS's Santuario, after Santuario's own start-up (which would
     * otherwise register its default again). Idempotent.
     *
     * @throws IllegalStateException when Santuario's registry is not where this version keeps it (a new xmlsec)
     */
    public static void install() {
        if (installed) {
            return;
        }
        synchronized (SignatureExclusionTransform.class) {
            if (installed) {
                return;
            }
            SantuarioInitializer.init();
            Init.init();
            // Santuario registers an algorithm only once and has no way to replace one: its registry is private.
            try {
                var field = Transform.class.getDeclaredField("transformSpiHash");
                field.setAccessible(true);
                @SuppressWarnings("unchecked")
                Map<String, TransformSpi> registry = (Map<String, TransformSpi>) field.get(null);
                registry.put(Transforms.TRANSFORM_XPATH, new SignatureExclusionTransform());
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException("cannot register the XPath transform in DSS's Santuario", e);
            }
            installed = true;
        }
    }

    @Override
    protected XPathFactory getXPathFactory() {
        XPathFactory general = super.getXPathFactory();
        return new XPathFactory() {
            @Override
            public XPathAPI newXPathAPI() {
                return new SignatureExclusion(general.newXPathAPI());
            }
        };
    }

    /** True when {@code node} is, or lies inside, an XML-DSig {@code Signature} element. */
    static boolean insideSignature(Node node) {
        Node current = node.getNodeType() == Node.ATTRIBUTE_NODE ? ((Attr) node).getOwnerElement() : node;
        for (; current != null; current = current.getParentNode()) {
            if (current.getNodeType() == Node.ELEMENT_NODE && "Signature".equals(current.getLocalName())
                    && DSIG.equals(current.getNamespaceURI())) {
                return true;
            }
        }
        return false;
    }

    /** Answers the exclusion itself; everything else goes to {@code general}. */
    static final class SignatureExclusion implements XPathAPI {

        private final XPathAPI general;
        private String lastExpression;
        private Node lastNamespaceNode;
        private boolean lastIsExclusion;

        SignatureExclusion(XPathAPI general) {
            this.general = general;
        }

        @Override
        public boolean evaluate(Node contextNode, Node xpathNode, String expression, Node namespaceNode)
                throws TransformerException {
            if (isExclusion(expression, namespaceNode)) {
                return !insideSignature(contextNode);
            }
            return general.evaluate(contextNode, xpathNode, expression, namespaceNode);
        }

        /** The same expression comes for every node: it is looked at once. */
        private boolean isExclusion(String expression, Node namespaceNode) {
            if (!expression.equals(lastExpression) || namespaceNode != lastNamespaceNode) {
                Matcher matcher = EXPRESSION.matcher(expression);
                lastIsExclusion = matcher.matches() && namespaceNode != null
                        && DSIG.equals(namespaceNode.lookupNamespaceURI(matcher.group(1)));
                lastExpression = expression;
                lastNamespaceNode = namespaceNode;
            }
            return lastIsExclusion;
        }

        @Override
        public NodeList selectNodeList(Node contextNode, Node xpathNode, String expression, Node namespaceNode)
                throws TransformerException {
            return general.selectNodeList(contextNode, xpathNode, expression, namespaceNode);
        }

        @Override
        public void clear() {
            lastExpression = null;
            lastNamespaceNode = null;
            general.clear();
        }
    }
}
