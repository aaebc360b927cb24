package eu.lexbridge.trust.container;

import eu.lexbridge.trust.container.TrustOkToken.SignatureData;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * Writes a {@link TrustOkToken} laid out as the official connector's {@code Token.xml}: no namespace on the token
 * elements, {@code ds:DigestMethod Algorithm="SHA-256"}, and a {@code ds:DigestValue} that holds the base64 of the
 * base64 text of the digest — the official connector encodes it twice, and a receiver compares it as it is.
 */
public final class TrustOkTokenXml {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneOffset.UTC);

    private TrustOkTokenXml() {
    }

    /** The unsigned token document, UTF-8. */
    public static byte[] write(TrustOkToken token) {
        StringBuilder x = new StringBuilder(2048);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<TrustOkToken xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">\n");
        x.append("    <Issuer>\n");
        element(x, 2, "ServiceProvider", token.issuer().serviceProvider());
        element(x, 2, "Country", token.issuer().country());
        element(x, 2, "AdvancedElectronicSystem", token.issuer().system().xml());
        x.append("    </Issuer>\n");
        x.append("    <Document>\n");
        element(x, 2, "Filename", token.document().filename());
        element(x, 2, "Type", token.document().type());
        if (token.document().signatureFilename() != null) {
            element(x, 2, "SignatureFilename", token.document().signatureFilename());
        }
        x.append("        <ds:DigestMethod Algorithm=\"SHA-256\"/>\n");
        element(x, 2, "ds:DigestValue", doubleBase64(token.document().sha256()));
        x.append("    </Document>\n");
        TrustOkToken.Validation validation = token.validation();
        x.append("    <Validation>\n");
        element(x, 2, "VerificationTime", time(validation.verificationTime()));
        x.append("        <VerificationData>\n");
        SignatureData s = validation.signature();
        if (s != null) {
            x.append("            <SignatureData>\n");
            if (s.signingTime() != null) {
                element(x, 4, "SigningTime", time(s.signingTime()));
            }
            x.append("                <SignatureInformation>\n");
            element(x, 5, "SignatureVerification", String.valueOf(s.signatureVerification()));
            element(x, 5, "StructureVerification", String.valueOf(s.structureVerification()));
            element(x, 5, "SignatureFormat", s.signatureFormat());
            element(x, 5, "SignatureLevel", s.signatureLevel());
            x.append("                </SignatureInformation>\n");
            x.append("                <CertificateInformation>\n");
            element(x, 5, "Subject", s.certificateSubject());
            element(x, 5, "Issuer", s.certificateIssuer());
            element(x, 5, "CertificateVerification", String.valueOf(s.certificateVerification()));
            element(x, 5, "ValidityAtSigningTime", String.valueOf(s.validityAtSigningTime()));
            x.append("                </CertificateInformation>\n");
            x.append("                <TechnicalResult>\n");
            element(x, 5, "TrustLevel", s.technicalLevel().name());
            element(x, 5, "Comments", s.technicalComments());
            x.append("                </TechnicalResult>\n");
            x.append("            </SignatureData>\n");
        }
        if (validation.authentication() != null) {
            x.append("            <AuthenticationData>\n");
            element(x, 4, "IdentityProvider", validation.authentication().identityProvider());
            element(x, 4, "UsernameSynonym", validation.authentication().usernameSynonym());
            element(x, 4, "TimeOfAuthentication", time(validation.authentication().timeOfAuthentication()));
            x.append("            </AuthenticationData>\n");
        }
        x.append("        </VerificationData>\n");
        x.append("        <TechnicalResult>\n");
        element(x, 3, "TrustLevel", validation.technicalLevel().name());
        element(x, 3, "Comments", validation.technicalComments());
        x.append("        </TechnicalResult>\n");
        x.append("        <LegalResult>\n");
        element(x, 3, "TrustLevel", validation.legalLevel().name());
        element(x, 3, "Disclaimer", validation.disclaimer());
        x.append("        </LegalResult>\n");
        if (validation.originalValidationReport() != null) {
            x.append("        <OriginalValidationReport>\n");
            x.append(withoutXmlDeclaration(validation.originalValidationReport()).strip()).append('\n');
            x.append("        </OriginalValidationReport>\n");
        }
        x.append("    </Validation>\n");
        x.append("</TrustOkToken>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The report is embedded as an element; a second XML declaration inside the token would not be XML. */
    private static String withoutXmlDeclaration(String xml) {
        String trimmed = xml.stripLeading();
        if (trimmed.startsWith("<?xml")) {
            int end = trimmed.indexOf("?>");
            return end < 0 ? trimmed : trimmed.substring(end + 2);
        }
        return trimmed;
    }

    /** The official connector's DigestValue: base64 of the (ASCII) base64 text of the digest. */
    static String doubleBase64(byte[] digest) {
        String once = Base64.getEncoder().encodeToString(digest);
        return Base64.getEncoder().encodeToString(once.getBytes(StandardCharsets.US_ASCII));
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }

    private static void element(StringBuilder x, int depth, String name, String text) {
        x.append("    ".repeat(depth)).append('<').append(name).append('>');
        escape(x, text == null ? "" : text);
        x.append("</").append(name).append(">\n");
    }

    private static void escape(StringBuilder x, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> x.append("&lt;");
                case '>' -> x.append("&gt;");
                case '&' -> x.append("&amp;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        x.append('?');
                    } else {
                        x.append(c);
                    }
                }
            }
        }
    }
}
