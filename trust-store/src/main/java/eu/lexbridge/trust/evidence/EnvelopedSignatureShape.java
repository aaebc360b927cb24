package eu.lexbridge.trust.evidence;

import static eu.lexbridge.trust.evidence.RemVocabulary.DSIG_NS;
import static eu.lexbridge.trust.signature.SignatureFinding.Code.NOT_ENVELOPED;
import static eu.lexbridge.trust.signature.SignatureFinding.Code.NOT_SIGNED;
import static eu.lexbridge.trust.signature.SignatureFinding.Code.NOT_WHOLE_DOCUMENT;
import static eu.lexbridge.trust.signature.SignatureFinding.Code.UNSIGNED_CONTENT;

import eu.lexbridge.trust.signature.SignatureFinding;
import eu.lexbridge.trust.xml.SecureXmlInput;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Where the XML signatures of an evidence sit and what their references point at, read before DSS sees the document:
 * an evidence seal is one ds:Signature, a child of the root, whose references stay inside the document, and whose
 * whole-document reference takes out nothing but the signature itself. Anything else (several signatures, a wrapped
 * one, a reference to a file or URL, a transform that filters content out) is refused before any reference is
 * resolved.
 *
 * @param signatures how many ds:Signature elements the document has, at any depth
 * @param childOfRoot whether the first ds:Signature is a child of the root element
 * @param referenceUris the URI of every ds:Reference, in document order; {@code null} for a reference without one
 * @param wholeDocumentTransforms the transforms of every reference to the whole document (URI ""), each written as
 *     its algorithm, followed by its XPath in parentheses for the XPath transforms
 * @param unexpectedTransforms those of {@code wholeDocumentTransforms} that could leave content out of the digest
 * @param unsignedContent what the first ds:Signature holds beyond its own parts (SignedInfo, SignatureValue, KeyInfo
 *     with certificate data, and an Object with the XAdES properties whose SignedProperties a reference covers), each
 *     written as its path below the signature: the enveloped-signature transform leaves the whole ds:Signature out of
 *     the digest, so an evidence body hidden there (signature wrapping) would be covered by nothing
 */
record EnvelopedSignatureShape(int signatures, boolean childOfRoot, List<String> referenceUris,
                               List<String> wholeDocumentTransforms, List<String> unexpectedTransforms,
                               List<String> unsignedContent) {

    private static final String XADES_NS = "http://uri.etsi.org/01903/v1.3.2#";
    private static final String XADES141_NS = "http://uri.etsi.org/01903/v1.4.1#";

    private static final String XPATH = "http://www.w3.org/TR/1999/REC-xpath-19991116";
    private static final String XPATH_FILTER2 = "http://www.w3.org/2002/06/xmldsig-filter2";
    /** Transforms that keep every node of the document but the enveloped signature. */
    private static final Set<String> KEEPING_CONTENT = Set.of(
            "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
            "http://www.w3.org/2001/10/xml-exc-c14n#",
            "http://www.w3.org/2001/10/xml-exc-c14n#WithComments",
            "http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
            "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments",
            "http://www.w3.org/2006/12/xml-c14n11",
            "http://www.w3.org/2006/12/xml-c14n11#WithComments");
    /** The official connector's XPath: every node that is not the signature or in it. */
    private static final Pattern NOT_THE_SIGNATURE = Pattern.compile("not\\(ancestor-or-self::(\\w+):Signature\\)");
    /** DSS's default XPath Filter 2.0: subtract the signature. */
    private static final Pattern SUBTRACT_THE_SIGNATURE = Pattern.compile("(?:/descendant::|//)(\\w+):Signature");

    EnvelopedSignatureShape {
        referenceUris = Collections.unmodifiableList(new ArrayList<>(referenceUris));
        wholeDocumentTransforms = List.copyOf(wholeDocumentTransforms);
        unexpectedTransforms = List.copyOf(unexpectedTransforms);
        unsignedContent = List.copyOf(unsignedContent);
    }

    /** @throws UnreadableEvidenceException when the document cannot be parsed or has a DOCTYPE */
    static EnvelopedSignatureShape of(byte[] document) {
        XMLStreamReader xml = null;
        try {
            xml = SecureXmlInput.reader(new ByteArrayInputStream(document), RemEvidenceReader::doctypeRefused);
            return read(xml);
        } catch (XMLStreamException e) {
            throw new UnreadableEvidenceException("The evidence document cannot be parsed: " + e.getMessage(), e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // in-memory input: nothing to release
                }
            }
        }
    }

    private static EnvelopedSignatureShape read(XMLStreamReader xml) throws XMLStreamException {
        int signatures = 0;
        boolean childOfRoot = false;
        List<String> uris = new ArrayList<>();
        List<String> transforms = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        SignatureContent content = null; // the first signature's, while it is open
        List<String> unsigned = new ArrayList<>();
        List<String> signedPropertiesIds = new ArrayList<>();
        boolean inWholeDocumentReference = false;
        String transform = null; // the algorithm of the open ds:Transform of a whole-document reference
        String label = null;
        boolean keepsContent = false;
        int depth = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                if (content != null && !xml.isWhiteSpace()) {
                    content.text(unsigned);
                }
                continue;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (content != null && !content.end()) {
                    content = null; // the first signature is closed
                }
                if (DSIG_NS.equals(xml.getNamespaceURI()) && "Reference".equals(xml.getLocalName())) {
                    inWholeDocumentReference = false;
                } else if (transform != null && DSIG_NS.equals(xml.getNamespaceURI())
                        && "Transform".equals(xml.getLocalName())) {
                    transforms.add(label);
                    if (!keepsContent) {
                        unexpected.add(label);
                    }
                    transform = null;
                }
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth++;
            String namespace = xml.getNamespaceURI();
            String name = xml.getLocalName();
            if (content != null) {
                content.start(xml, unsigned, signedPropertiesIds);
            }
            if (DSIG_NS.equals(namespace) && "Signature".equals(name)) {
                signatures++;
                childOfRoot |= signatures == 1 && depth == 2;
                if (signatures == 1) {
                    content = new SignatureContent();
                }
            } else if (DSIG_NS.equals(namespace) && "Reference".equals(name)) {
                String uri = xml.getAttributeValue(null, "URI");
                uris.add(uri);
                inWholeDocumentReference = "".equals(uri);
            } else if (inWholeDocumentReference && DSIG_NS.equals(namespace) && "Transform".equals(name)) {
                transform = String.valueOf(xml.getAttributeValue(null, "Algorithm"));
                label = transform;
                keepsContent = KEEPING_CONTENT.contains(transform);
            } else if (transform != null && isXPath(transform, namespace, name)) {
                String filter = xml.getAttributeValue(null, "Filter");
                String path = xml.getElementText().strip();
                depth--; // getElementText() consumed the end tag
                if (content != null) {
                    content.end();
                }
                keepsContent = takesOutOnlyTheSignature(transform, filter, path, xml);
                label = transform + "(" + (filter == null ? "" : filter + " ") + path + ")";
            }
        }
        for (String id : signedPropertiesIds) {
            if (!uris.contains("#" + id)) {
                unsigned.add("Object/QualifyingProperties/SignedProperties[@Id='" + id + "'] (no reference covers it)");
            }
        }
        return new EnvelopedSignatureShape(signatures, childOfRoot, uris, transforms, unexpected, unsigned);
    }

    /**
     * Follows the elements inside the first ds:Signature and names those that no digest covers and that are not one of
     * a signature's own parts. SignedInfo is covered by the signature value, SignedProperties by its reference (checked
     * once every reference is known); KeyInfo may hold XML-DSig key data, and UnsignedProperties XAdES properties.
     */
    private static final class SignatureContent {
        /** The open elements below ds:Signature, each as namespace and local name. */
        private final Deque<String[]> open = new ArrayDeque<>();
        /** The depth in {@link #open} below which everything is already named or needs no look. */
        private int settledBelow = Integer.MAX_VALUE;
        private int qualifyingProperties;

        void start(XMLStreamReader xml, List<String> unsigned, List<String> signedPropertiesIds) {
            String namespace = String.valueOf(xml.getNamespaceURI());
            String name = xml.getLocalName();
            String[] parent = open.peek();
            open.push(new String[] {namespace, name});
            if (open.size() > settledBelow) {
                return;
            }
            boolean allowed;
            boolean settled = false;
            if (parent == null) {
                allowed = DSIG_NS.equals(namespace) && Set.of("SignedInfo", "SignatureValue", "KeyInfo", "Object")
                        .contains(name);
                settled = allowed && !"KeyInfo".equals(name) && !"Object".equals(name);
            } else if (is(open, 1, "KeyInfo")) {
                allowed = DSIG_NS.equals(namespace);
            } else if (open.size() == 2) { // a child of ds:Object
                allowed = XADES_NS.equals(namespace) && "QualifyingProperties".equals(name)
                        && ++qualifyingProperties == 1;
            } else if (open.size() == 3) { // a child of xades:QualifyingProperties
                allowed = XADES_NS.equals(namespace)
                        && ("SignedProperties".equals(name) || "UnsignedProperties".equals(name));
                if (allowed && "SignedProperties".equals(name)) {
                    signedPropertiesIds.add(String.valueOf(xml.getAttributeValue(null, "Id")));
                    settled = true;
                }
            } else { // inside xades:UnsignedProperties
                allowed = XADES_NS.equals(namespace) || XADES141_NS.equals(namespace) || DSIG_NS.equals(namespace);
            }
            if (!allowed) {
                unsigned.add(path());
            }
            if (!allowed || settled) {
                settledBelow = open.size();
            }
        }

        /** @return false when the ds:Signature itself closed */
        boolean end() {
            if (open.isEmpty()) {
                return false;
            }
            if (open.size() == settledBelow) {
                settledBelow = Integer.MAX_VALUE;
            }
            open.pop();
            return true;
        }

        /** Text directly in ds:Signature, ds:Object or xades:QualifyingProperties is content no digest covers. */
        void text(List<String> unsigned) {
            if (open.size() < settledBelow && (open.isEmpty() || is(open, 1, "Object") && open.size() <= 2)) {
                unsigned.add((open.isEmpty() ? "" : path() + "/") + "text()");
            }
        }

        /** Whether the element at {@code level} (1: a child of ds:Signature) is the XML-DSig {@code name}. */
        private static boolean is(Deque<String[]> open, int level, String name) {
            if (open.size() < level) {
                return false;
            }
            String[] element = new ArrayList<>(open).get(open.size() - level);
            return DSIG_NS.equals(element[0]) && name.equals(element[1]);
        }

        private String path() {
            List<String> names = new ArrayList<>();
            open.descendingIterator().forEachRemaining(e -> names.add(
                    DSIG_NS.equals(e[0]) || XADES_NS.equals(e[0]) ? e[1] : "{" + e[0] + "}" + e[1]));
            return String.join("/", names);
        }
    }

    private static boolean isXPath(String transform, String namespace, String name) {
        return "XPath".equals(name) && (XPATH.equals(transform) && DSIG_NS.equals(namespace)
                || XPATH_FILTER2.equals(transform) && XPATH_FILTER2.equals(namespace));
    }

    /** The XPath takes out the ds:Signature (its prefix bound to XML-DSig) and nothing else. */
    private static boolean takesOutOnlyTheSignature(String transform, String filter, String path,
                                                    XMLStreamReader xml) {
        Matcher matcher = XPATH.equals(transform) ? NOT_THE_SIGNATURE.matcher(path)
                : "subtract".equals(filter) ? SUBTRACT_THE_SIGNATURE.matcher(path) : null;
        return matcher != null && matcher.matches()
                && DSIG_NS.equals(xml.getNamespaceContext().getNamespaceURI(matcher.group(1)));
    }

    /**
     * What keeps the document from being a sealed evidence, before DSS resolves any reference: the first shape
     * problem found, or empty when it has the shape of one.
     */
    Optional<SignatureFinding> refusal() {
        if (!signed()) {
            return refusal(NOT_SIGNED, "the evidence carries no XML signature");
        }
        if (!enveloped()) {
            return refusal(NOT_ENVELOPED, signatures + " signature(s); an evidence seal is exactly one ds:Signature, "
                    + "a child of the root element");
        }
        if (!referencesStayInside()) {
            return refusal(NOT_ENVELOPED, "a signature reference points outside the evidence: " + referenceUris);
        }
        if (!coversWholeDocument()) {
            return refusal(NOT_WHOLE_DOCUMENT, referenceUris.contains("")
                    ? "the whole-document reference filters content out: " + unexpectedTransforms
                    : "no reference covers the whole evidence (URI \"\")");
        }
        if (!holdsOnlySignedContent()) {
            // What a reader finds there (a second evidence body, say) is covered by no digest: signature wrapping.
            return refusal(UNSIGNED_CONTENT, "the signature holds content no reference covers: " + unsignedContent);
        }
        return Optional.empty();
    }

    private static Optional<SignatureFinding> refusal(SignatureFinding.Code code, String sentence) {
        return Optional.of(new SignatureFinding(code, sentence));
    }

    boolean signed() {
        return signatures > 0;
    }

    /** One signature, a child of the root. */
    boolean enveloped() {
        return signatures == 1 && childOfRoot;
    }

    /** Every reference names this document: the whole of it ("") or an element in it ("#id"). */
    boolean referencesStayInside() {
        return referenceUris.stream().allMatch(uri -> uri != null && (uri.isEmpty() || uri.startsWith("#")));
    }

    /** Some reference covers the whole document, and none of those takes content out before the digest. */
    boolean coversWholeDocument() {
        return referenceUris.contains("") && unexpectedTransforms.isEmpty();
    }

    /** Everything in the signature is one of its own parts or covered by a reference. */
    boolean holdsOnlySignedContent() {
        return unsignedContent.isEmpty();
    }
}
