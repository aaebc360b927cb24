package eu.lexbridge.trust.signature;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlDigestMatcher;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.policy.ValidationPolicyLoader;
import eu.europa.esig.dss.validation.reports.Reports;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** What evidence and container verification read alike from a DSS validation. */
public final class DssVerdicts {

    private DssVerdicts() {
    }

    /** A certificate verifier that trusts exactly the given anchors and fetches nothing (no AIA, OCSP or CRL). */
    public static CommonCertificateVerifier offlineVerifier(Collection<X509Certificate> trustAnchors) {
        Objects.requireNonNull(trustAnchors, "trustAnchors");
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trustAnchors.forEach(anchor -> trusted.addCertificate(new CertificateToken(anchor)));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        verifier.setAIASource(null);
        verifier.setOcspSource(null);
        verifier.setCrlSource(null);
        return verifier;
    }

    /**
     * The position of the first trust anchor in a signer's chain as DSS built it, or -1. DSS builds the chain by
     * signature; a link it could not verify ends the chain there.
     */
    public static int trustAnchorIndex(List<CertificateWrapper> chain) {
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i).isTrusted()) {
                return i;
            }
            if (!chain.get(i).isSignatureIntact()) {
                return -1;
            }
        }
        return -1;
    }

    /** DSS's default policy, parsed once: it is the slow part of a first validation. */
    public static ValidationPolicy defaultPolicy() {
        return DefaultPolicy.INSTANCE;
    }

    /** DSS's verdict for one signature, e.g. {@code INDETERMINATE/NO_CERTIFICATE_CHAIN_FOUND}, or {@code null}. */
    public static String indication(Reports reports, String signatureId) {
        var simple = reports.getSimpleReport();
        var indication = simple.getIndication(signatureId);
        var subIndication = simple.getSubIndication(signatureId);
        return indication == null ? null : indication + (subIndication == null ? "" : "/" + subIndication);
    }

    /** A signature reference as people read it: its type and its id or URI. */
    public static String referenceName(XmlDigestMatcher reference) {
        String id = reference.getId() != null ? reference.getId() : reference.getUri();
        return reference.getType() + (id == null ? "" : " '" + id + "'");
    }

    private static final class DefaultPolicy {
        static final ValidationPolicy INSTANCE = ValidationPolicyLoader.fromDefaultValidationPolicy().create();
    }
}
