package eu.lexbridge.trust.signature;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlDigestMatcher;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.policy.ValidationPolicyLoader;
import eu.europa.esig.dss.validation.reports.Reports;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What evidence, container and document verification configure and read alike from a DSS validation: one
 * certificate verifier factory (so that the three agree on what is trusted and what may be fetched) and the verdicts
 * they read from DSS's diagnostic data.
 */
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
     * A certificate verifier that trusts exactly the given anchors, never uses AIA (issuer certificates must be in
     * the signature or among the anchors), and fetches revocation data as {@code checking} says: CRLs, and OCSP
     * first for {@link RevocationChecking#OCSP_AND_CRL}, only from the URLs the certificates name, over
     * {@code file:} and {@code http(s):} only, each fetch bounded by {@code fetchTimeout}. With
     * {@link RevocationChecking#OFF} it is {@link #offlineVerifier(Collection)}.
     */
    public static CommonCertificateVerifier verifier(Collection<X509Certificate> trustAnchors,
                                                     RevocationChecking checking, Duration fetchTimeout) {
        Objects.requireNonNull(checking, "checking");
        Objects.requireNonNull(fetchTimeout, "fetchTimeout");
        CommonCertificateVerifier verifier = offlineVerifier(trustAnchors);
        if (checking != RevocationChecking.OFF) {
            verifier.setCrlSource(new OnlineCRLSource(UrlDataLoader.forCrl(fetchTimeout)));
        }
        if (checking == RevocationChecking.OCSP_AND_CRL) {
            verifier.setOcspSource(new OnlineOCSPSource(UrlDataLoader.forOcsp(fetchTimeout)));
        }
        return verifier;
    }

    /** {@link #verifier(Collection, RevocationChecking, Duration)}, as {@code settings} say. */
    public static CommonCertificateVerifier verifier(Collection<X509Certificate> trustAnchors,
                                                     RevocationSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return verifier(trustAnchors, settings.checking(), settings.fetchTimeout());
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
