package eu.lexbridge.trust.evidence;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.xml.utils.DomUtils;
import eu.lexbridge.shaded.xmlsec3.org.apache.xml.security.exceptions.XMLSecurityException;
import eu.lexbridge.shaded.xmlsec3.org.apache.xml.security.signature.XMLSignature;
import eu.lexbridge.trust.signature.SignatureExclusionTransform;
import eu.lexbridge.trust.signature.SignatureFinding;
import eu.lexbridge.trust.signature.SignatureView;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The partners' seals verified in full a moment ago, so that the next evidence sealed by the same certificate in the
 * same layout is checked by its cryptography alone.
 *
 * <p>Why: a full DSS validation of one evidence costs about 9 ms and 37 MB (issue 12's measurements), nearly all of it
 * DSS rebuilding what it knows about the signer (its chain, revocation, the policy's verdict) and walking the document
 * with XPath; a partner seals hundreds of evidences an hour with one key. What DSS found about the signer stands for
 * {@link #KEPT} (and never past the certificate's end): an evidence whose KeyInfo carries exactly the certificates of
 * one verified before, whose signature has the same algorithms, references and transforms, whose XAdES
 * SigningCertificate digest matches the signer, and whose signature value and references verify (Santuario, DSS's
 * own) is given the earlier validation's view of the signer with its own signing time. The verifier then runs the
 * same checks on it and keeps the answer only when the findings are those of the earlier validation; anything else —
 * a broken reference, another certificate, another layout — goes to DSS in full, so a refusal is always DSS's.
 *
 * <p>Only acceptable validations whose signer's revocation status is known (or not asked for) are kept: an
 * unreachable CRL is asked again next time. At most {@link #MAX_KEPT} signers, the least recently used dropped.
 * Thread-safe.
 */
final class KnownSealers {

    static final Duration KEPT = Duration.ofMinutes(5);
    static final int MAX_KEPT = 32;

    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final String XADES = "http://uri.etsi.org/01903/v1.3.2#";
    private static final String SIGNED_PROPERTIES_TYPE = "http://uri.etsi.org/01903#SignedProperties";

    /** The parts of a seal that must be as they were: algorithms, references, transforms and the certificates. */
    record Layout(String signatureMethod, String canonicalization, List<String> references,
                  List<String> certificates) {
    }

    /** What the full validation found. */
    record Known(Layout layout, String signedPropertiesUri, SignatureView view, List<SignatureFinding.Code> findings,
                 Instant until) {
    }

    /** A seal checked by its cryptography against a known signer. */
    record Quick(SignatureView view, List<SignatureFinding.Code> expectedFindings) {
    }

    private final Map<String, Known> bySigner = new LinkedHashMap<>(16, 0.75f, true);
    private int quickChecks;

    /**
     * The document's seal, read once for {@link #recheck} and {@link #remember}; empty when it is not laid out as a
     * XAdES-B evidence seal (then DSS validates it in full and nothing is kept).
     */
    Optional<Parsed> read(byte[] document) {
        return Optional.ofNullable(parse(document));
    }

    /**
     * The view of the seal built from the signer's earlier full validation, when the seal is by a known signer in the
     * same layout and its cryptography verifies; empty otherwise (then DSS validates it in full).
     */
    Optional<Quick> recheck(Parsed parsed, X509Certificate expectedSigner, Instant now) {
        Known known;
        synchronized (bySigner) {
            known = bySigner.get(key(parsed.layout(), expectedSigner));
        }
        if (known == null || !now.isBefore(known.until()) || !known.layout().equals(parsed.layout())) {
            return Optional.empty();
        }
        Instant signingTime = parsed.verify(known.view());
        if (signingTime == null) {
            return Optional.empty();
        }
        SignatureView view = known.view();
        // the same references; the one to the signed properties names this seal's own
        List<SignatureView.Reference> references = view.references().stream()
                .map(r -> known.signedPropertiesUri().equals(r.uri()) ? new SignatureView.Reference(r.type(), r.id(),
                        parsed.signedPropertiesUri(), r.digestMethod(), r.dataFound(), r.dataIntact()) : r)
                .toList();
        synchronized (bySigner) {
            quickChecks++;
        }
        return Optional.of(new Quick(new SignatureView(view.id(), view.format(), signingTime, references,
                view.valueIntact(), view.digestAlgorithm(), view.signatureAlgorithm(), view.signer(), view.chain(),
                view.anchor(), view.revocationChecking(), view.indication(), view.subIndication(),
                view.qualification()), known.findings()));
    }

    /** Keeps what a full validation found about an acceptable seal, for {@link #KEPT}. */
    void remember(Parsed parsed, X509Certificate expectedSigner, SignatureView view,
                  List<SignatureFinding.Code> findings, Instant now) {
        if (view.signer() == null) {
            return;
        }
        Instant until = now.plus(KEPT);
        if (view.signer().notAfter().isBefore(until)) {
            until = view.signer().notAfter();
        }
        synchronized (bySigner) {
            bySigner.put(key(parsed.layout(), expectedSigner), new Known(parsed.layout(), parsed.signedPropertiesUri(),
                    view, List.copyOf(findings), until));
            if (bySigner.size() > MAX_KEPT) {
                bySigner.remove(bySigner.keySet().iterator().next());
            }
        }
    }

    /** How many seals were checked by their cryptography alone, for tests and measurements. */
    int quickChecks() {
        synchronized (bySigner) {
            return quickChecks;
        }
    }

    private static String key(Layout layout, X509Certificate expectedSigner) {
        String expected;
        try {
            expected = expectedSigner == null ? "-" : Base64.getEncoder().encodeToString(expectedSigner.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            expected = expectedSigner.toString();
        }
        return String.join("|", layout.certificates()) + "|" + expected;
    }

    /** The document's seal, read; {@code null} when it is not laid out as a XAdES-B evidence seal. */
    private static Parsed parse(byte[] document) {
        try {
            Document dom = DomUtils.buildDOM(document);
            Element signature = lastElement(dom.getDocumentElement());
            if (signature == null || !is(signature, DSIG, "Signature")) {
                return null;
            }
            Element signedInfo = child(signature, DSIG, "SignedInfo");
            Element signedProperties = child(child(child(signature, DSIG, "Object"), XADES, "QualifyingProperties"),
                    XADES, "SignedProperties");
            Element keyData = child(child(signature, DSIG, "KeyInfo"), DSIG, "X509Data");
            if (signedInfo == null || signedProperties == null || keyData == null) {
                return null;
            }
            String signedPropertiesId = signedProperties.getAttribute("Id");
            List<String> references = new ArrayList<>();
            for (Element reference : children(signedInfo, DSIG, "Reference")) {
                String uri = reference.getAttribute("URI");
                String type = reference.getAttribute("Type");
                boolean toSignedProperties = uri.equals("#" + signedPropertiesId) && !signedPropertiesId.isEmpty();
                if (!uri.isEmpty() && !toSignedProperties) {
                    return null;
                }
                if (toSignedProperties != SIGNED_PROPERTIES_TYPE.equals(type)) {
                    return null;
                }
                List<String> transforms = new ArrayList<>();
                for (Element transform : children(child(reference, DSIG, "Transforms"), DSIG, "Transform")) {
                    transforms.add(transform.getAttribute("Algorithm") + "(" + transform.getTextContent().strip()
                            + ")");
                }
                transforms.add(algorithm(child(reference, DSIG, "DigestMethod")));
                references.add((toSignedProperties ? "signed-properties " : "document ") + type + " "
                        + String.join(" ", transforms));
            }
            List<String> certificates = new ArrayList<>();
            for (Element certificate : children(keyData, DSIG, "X509Certificate")) {
                certificates.add(certificate.getTextContent().replaceAll("\\s", ""));
            }
            if (certificates.isEmpty()) {
                return null;
            }
            return new Parsed(new Layout(algorithm(child(signedInfo, DSIG, "SignatureMethod")),
                    algorithm(child(signedInfo, DSIG, "CanonicalizationMethod")), references, certificates),
                    signature, signedProperties);
        } catch (RuntimeException e) {
            // not XML DSS can parse, or not laid out as expected: DSS says what is wrong with it
            return null;
        }
    }

    /** A seal as read from its document: its layout and the elements its check needs. */
    record Parsed(Layout layout, Element signature, Element signedProperties) {

        String signedPropertiesUri() {
            return "#" + signedProperties.getAttribute("Id");
        }

        /**
         * Verifies the signature value and every reference with the signer's key, and the XAdES SigningCertificate
         * digest against the signer; returns the signing time it claims, or {@code null} when anything fails.
         */
        Instant verify(SignatureView known) {
            try {
                X509Certificate signer = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(Base64.getDecoder()
                                .decode(layout.certificates().get(0))));
                if (!signingCertificateMatches(signer) || known.signer() == null) {
                    return null;
                }
                SignatureExclusionTransform.install();
                signedProperties.setIdAttributeNS(null, "Id", true);
                XMLSignature xml = new XMLSignature(signature, "", true);
                if (!xml.checkSignatureValue(signer.getPublicKey())) {
                    return null;
                }
                return signingTime();
            } catch (GeneralSecurityException | XMLSecurityException | DatatypeConfigurationException
                     | RuntimeException e) {
                return null;
            }
        }

        private boolean signingCertificateMatches(X509Certificate signer) throws GeneralSecurityException {
            Element signatureProperties = child(signedProperties, XADES, "SignedSignatureProperties");
            Element certDigest = child(child(child(signatureProperties, XADES, "SigningCertificate"), XADES, "Cert"),
                    XADES, "CertDigest");
            // DSS's name for the digest; an algorithm it does not know throws, and DSS validates that seal in full
            String digest = DigestAlgorithm.forXML(algorithm(child(certDigest, DSIG, "DigestMethod"))).getJavaName();
            Element value = child(certDigest, DSIG, "DigestValue");
            if (value == null) {
                return false;
            }
            byte[] expected = Base64.getMimeDecoder().decode(value.getTextContent().strip());
            return MessageDigest.isEqual(expected, MessageDigest.getInstance(digest).digest(signer.getEncoded()));
        }

        private Instant signingTime() throws DatatypeConfigurationException {
            Element time = child(child(signedProperties, XADES, "SignedSignatureProperties"), XADES, "SigningTime");
            if (time == null) {
                return null;
            }
            XMLGregorianCalendar calendar = DatatypeFactory.newInstance()
                    .newXMLGregorianCalendar(time.getTextContent().strip());
            if (calendar.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
                return null;
            }
            return calendar.toGregorianCalendar().toInstant();
        }
    }

    private static String algorithm(Element element) {
        if (element == null) {
            throw new IllegalArgumentException("no algorithm");
        }
        return element.getAttribute("Algorithm");
    }

    private static boolean is(Element element, String namespace, String name) {
        return namespace.equals(element.getNamespaceURI()) && name.equals(element.getLocalName());
    }

    private static Element lastElement(Element parent) {
        for (Node node = parent.getLastChild(); node != null; node = node.getPreviousSibling()) {
            if (node.getNodeType() == Node.ELEMENT_NODE) {
                return (Element) node;
            }
        }
        return null;
    }

    private static Element child(Element parent, String namespace, String name) {
        List<Element> found = children(parent, namespace, name);
        return found.size() == 1 ? found.get(0) : null;
    }

    private static List<Element> children(Element parent, String namespace, String name) {
        if (parent == null) {
            return List.of();
        }
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.ELEMENT_NODE && is((Element) node, namespace, name)) {
                found.add((Element) node);
            }
        }
        return found;
    }
}
