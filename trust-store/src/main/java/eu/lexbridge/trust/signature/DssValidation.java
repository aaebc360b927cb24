package eu.lexbridge.trust.signature;

import eu.europa.esig.dss.enumerations.ValidationLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.policy.ValidationPolicyLoader;
import eu.europa.esig.dss.validation.reports.Reports;
import eu.europa.esig.dss.xades.validation.XMLDocumentValidator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * How evidence, container and document validation ask DSS alike: one certificate verifier factory (so that the three
 * agree on what is trusted and what may be fetched) and one way to run a validation, whose signatures are then read
 * into {@link SignatureView}s.
 */
public final class DssValidation {

    static {
        SignatureExclusionTransform.install();
    }

    private DssValidation() {
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

    /** DSS's default policy, parsed once: it is the slow part of a first validation. */
    public static ValidationPolicy defaultPolicy() {
        return DefaultPolicy.INSTANCE;
    }

    /**
     * Validates an XML seal (an evidence's, a container's) at DSS's basic-signatures level: a seal carries no
     * time-stamp or long-term data to validate beyond it.
     *
     * @param seal the signed XML
     * @param detachedContents what a detached seal signs; empty for an enveloped one
     * @param at the validation time
     * @throws RuntimeException whatever DSS throws for a signature it cannot read
     */
    public static Reports validateSeal(DSSDocument seal, List<DSSDocument> detachedContents,
                                       CommonCertificateVerifier verifier, Instant at) {
        XMLDocumentValidator validator = new XMLDocumentValidator(seal);
        validator.setValidationLevel(ValidationLevel.BASIC_SIGNATURES);
        return validate(validator, detachedContents, verifier, at);
    }

    /**
     * Runs a validation under DSS's default policy, without the ETSI validation report (nothing reads it).
     *
     * @param detachedContents what a detached signature signs; empty for any other
     * @throws RuntimeException whatever DSS throws for a signature it cannot read
     */
    public static Reports validate(SignedDocumentValidator validator, List<DSSDocument> detachedContents,
                                   CommonCertificateVerifier verifier, Instant at) {
        if (!detachedContents.isEmpty()) {
            validator.setDetachedContents(detachedContents);
        }
        validator.setCertificateVerifier(verifier);
        validator.setValidationTime(Date.from(at));
        validator.setEnableEtsiValidationReport(false);
        return validator.validateDocument(defaultPolicy());
    }

    private static final class DefaultPolicy {
        static final ValidationPolicy INSTANCE = ValidationPolicyLoader.fromDefaultValidationPolicy().create();
    }
}
