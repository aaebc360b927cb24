package eu.lexbridge.trust.container;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The content of the e-CODEX Trust OK token ({@code TrustOkToken.xsd}): who vouches for the business document, which
 * document it is, and what was checked. {@link TrustOkTokenXml} writes it laid out as the official connector's
 * {@code Token.xml}; {@link TrustOkTokenPdf} renders it as {@code TrustOkToken.pdf}.
 *
 * @param issuer the service provider and country that issue the token, and the advanced electronic system
 * @param document the business document the token is about
 * @param validation what was verified, and the technical and legal result
 */
public record TrustOkToken(Issuer issuer, Document document, Validation validation) {

    public TrustOkToken {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(validation, "validation");
    }

    /** {@code AdvancedElectronicSystem}. */
    public enum AdvancedElectronicSystem {
        SIGNATURE_BASED("Signature-based"), AUTHENTICATION_BASED("Authentication-based");

        private final String xml;

        AdvancedElectronicSystem(String xml) {
            this.xml = xml;
        }

        /** The value as the token writes it. */
        public String xml() {
            return xml;
        }
    }

    /** {@code TechnicalResult/TrustLevel}: GREEN, YELLOW (revocation undetermined), RED. */
    public enum TechnicalTrustLevel { SUCCESSFUL, SUFFICIENT, FAIL }

    /** {@code LegalResult/TrustLevel}: SUCCESSFUL only when the technical result is SUCCESSFUL. */
    public enum LegalTrustLevel { SUCCESSFUL, NOT_SUCCESSFUL }

    /** The official connector's disclaimers. */
    public static final String DISCLAIMER_APPROVED =
            "e-CODEX approves the validity of the document according to the rules of the sending country.";
    public static final String DISCLAIMER_NOT_APPROVED = "e-CODEX does not approve the validity of the document.";

    /** @param country ISO 3166 alpha-2 */
    public record Issuer(String serviceProvider, String country, AdvancedElectronicSystem system) {
        public Issuer {
            Objects.requireNonNull(serviceProvider, "serviceProvider");
            Objects.requireNonNull(country, "country");
            Objects.requireNonNull(system, "system");
        }
    }

    /**
     * @param filename the business document's name in SignedContent.zip
     * @param type {@code PDF} or {@code XML}
     * @param signatureFilename the detached signature's name, or {@code null}
     * @param sha256 the SHA-256 digest of the business document
     */
    public record Document(String filename, String type, String signatureFilename, byte[] sha256) {
        public Document {
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(type, "type");
            sha256 = Objects.requireNonNull(sha256, "sha256").clone();
            if (sha256.length != 32) {
                throw new IllegalArgumentException("A SHA-256 digest has 32 bytes, not " + sha256.length);
            }
        }

        @Override
        public byte[] sha256() {
            return sha256.clone();
        }

        /** The digest in base64. */
        public String sha256Base64() {
            return Base64.getEncoder().encodeToString(sha256);
        }
    }

    /** {@code AuthenticationData}: the back-end user the connector authenticated. */
    public record Authentication(String identityProvider, String usernameSynonym, Instant timeOfAuthentication) {
        public Authentication {
            Objects.requireNonNull(identityProvider, "identityProvider");
            Objects.requireNonNull(usernameSynonym, "usernameSynonym");
            Objects.requireNonNull(timeOfAuthentication, "timeOfAuthentication");
        }
    }

    /** {@code SignatureData}, a summary of a validated document signature. */
    public record SignatureData(Instant signingTime, boolean signatureVerification, boolean structureVerification,
                                String signatureFormat, String signatureLevel, String certificateSubject,
                                String certificateIssuer, boolean certificateVerification,
                                boolean validityAtSigningTime, TechnicalTrustLevel technicalLevel,
                                String technicalComments) {
    }

    /**
     * @param verificationTime when the checks were made
     * @param signature the signature summary, or {@code null} when no signature was validated
     * @param authentication the authentication data, or {@code null}
     * @param technicalLevel the overall technical result
     * @param technicalComments why, in words
     * @param legalLevel the legal result
     * @param disclaimer the legal disclaimer
     * @param originalValidationReport the validator's own report (DSS's simple report), an XML document written
     *     into {@code OriginalValidationReport} as the official connector does; {@code null} when none was made
     */
    public record Validation(Instant verificationTime, SignatureData signature, Authentication authentication,
                             TechnicalTrustLevel technicalLevel, String technicalComments, LegalTrustLevel legalLevel,
                             String disclaimer, String originalValidationReport) {
        public Validation {
            Objects.requireNonNull(verificationTime, "verificationTime");
            Objects.requireNonNull(technicalLevel, "technicalLevel");
            Objects.requireNonNull(technicalComments, "technicalComments");
            Objects.requireNonNull(legalLevel, "legalLevel");
            Objects.requireNonNull(disclaimer, "disclaimer");
            if (legalLevel == LegalTrustLevel.SUCCESSFUL && technicalLevel != TechnicalTrustLevel.SUCCESSFUL) {
                throw new IllegalArgumentException("The legal result is SUCCESSFUL only when the technical one is");
            }
        }
    }

    /**
     * A token for the authentication-based system when no signature of the document was validated: it says so, and
     * rests the result on the authenticated sender, as the official connector's AUTHENTICATION_BASED type does.
     */
    public static TrustOkToken authenticationBased(String serviceProvider, String country, Document document,
                                                   Authentication authentication, Instant verificationTime) {
        Objects.requireNonNull(authentication, "authentication");
        String comments = "Authentication-based: the sender '" + authentication.usernameSynonym()
                + "' was authenticated by " + authentication.identityProvider() + " at "
                + authentication.timeOfAuthentication() + ". No signature of the document was validated.";
        return new TrustOkToken(new Issuer(serviceProvider, country, AdvancedElectronicSystem.AUTHENTICATION_BASED),
                document, new Validation(verificationTime, null, authentication, TechnicalTrustLevel.SUCCESSFUL,
                comments, LegalTrustLevel.SUCCESSFUL, DISCLAIMER_APPROVED, null));
    }

    /**
     * A token for the signature-based system: the legal result follows the technical one (ecodex-wire.md §5.2), and
     * the validator's report travels inside it.
     *
     * @param signature the summary of the document's (first) signature, or {@code null} for an unsigned document
     * @param technicalLevel SUCCESSFUL, SUFFICIENT (revocation not determined) or FAIL
     * @param comments why, in words
     * @param originalValidationReport the validator's report (XML), or {@code null}
     */
    public static TrustOkToken signatureBased(String serviceProvider, String country, Document document,
                                              SignatureData signature, TechnicalTrustLevel technicalLevel,
                                              String comments, String originalValidationReport,
                                              Instant verificationTime) {
        boolean approved = technicalLevel == TechnicalTrustLevel.SUCCESSFUL;
        return new TrustOkToken(new Issuer(serviceProvider, country, AdvancedElectronicSystem.SIGNATURE_BASED),
                document, new Validation(verificationTime, signature, null, technicalLevel, comments,
                approved ? LegalTrustLevel.SUCCESSFUL : LegalTrustLevel.NOT_SUCCESSFUL,
                approved ? DISCLAIMER_APPROVED : DISCLAIMER_NOT_APPROVED, originalValidationReport));
    }

    /** The token as lines of text, for the PDF rendering. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("e-CODEX Trust OK Token");
        lines.add("");
        lines.add("Issuer");
        lines.add("  Service provider: " + issuer.serviceProvider());
        lines.add("  Country: " + issuer.country());
        lines.add("  Advanced electronic system: " + issuer.system().xml());
        lines.add("");
        lines.add("Document");
        lines.add("  File name: " + document.filename());
        lines.add("  Type: " + document.type());
        if (document.signatureFilename() != null) {
            lines.add("  Detached signature: " + document.signatureFilename());
        }
        lines.add("  SHA-256: " + document.sha256Base64());
        lines.add("");
        lines.add("Validation");
        lines.add("  Verification time: " + validation.verificationTime());
        if (validation.authentication() != null) {
            Authentication a = validation.authentication();
            lines.add("  Identity provider: " + a.identityProvider());
            lines.add("  User: " + a.usernameSynonym());
            lines.add("  Time of authentication: " + a.timeOfAuthentication());
        }
        if (validation.signature() != null) {
            SignatureData s = validation.signature();
            lines.add("  Signature format: " + s.signatureFormat() + ", level " + s.signatureLevel());
            lines.add("  Signing time: " + s.signingTime());
            lines.add("  Signature verification: " + s.signatureVerification());
            lines.add("  Signer: " + s.certificateSubject());
            lines.add("  Issuer: " + s.certificateIssuer());
            lines.add("  Certificate verification: " + s.certificateVerification()
                    + ", valid at signing time: " + s.validityAtSigningTime());
        }
        lines.add("  Technical result: " + validation.technicalLevel());
        lines.add("    " + validation.technicalComments());
        lines.add("  Legal result: " + validation.legalLevel());
        lines.add("    " + validation.disclaimer());
        return lines;
    }
}
