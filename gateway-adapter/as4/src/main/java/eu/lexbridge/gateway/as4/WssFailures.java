package eu.lexbridge.gateway.as4;

import java.util.ArrayList;
import java.util.List;
import org.apache.wss4j.common.ext.WSSecurityException;

/**
 * Tells a failed signature check from a failed decryption. phase4 4.4.1 answers every WSS4J failure with EBMS:0102
 * FailedDecryption (SoapHeaderElementProcessorWSS4J: "we need a way to differentiate signature and decrypt"), and WSS4J's
 * exception carries no such flag. Where it was thrown does: the first WSS4J or cipher frame, innermost cause first,
 * names the step that failed.
 */
final class WssFailures {

    /** Signature verification, signer certificate look-up and trust: ebMS3 Core §6.7.2 EBMS:0101 FailedAuthentication. */
    private static final List<String> AUTHENTICATION = List.of(
            "org.apache.wss4j.dom.processor.SignatureProcessor",
            "org.apache.wss4j.dom.processor.BinarySecurityTokenProcessor",
            "org.apache.wss4j.dom.validate.SignatureTrustValidator",
            "org.apache.wss4j.dom.str.SignatureSTRParser",
            "org.apache.jcp.xml.dsig.",
            "org.apache.xml.security.signature.");
    /** Key transport and payload decryption: EBMS:0102 FailedDecryption. */
    private static final List<String> DECRYPTION = List.of(
            "javax.crypto.",
            "com.sun.crypto.provider.",
            "org.bouncycastle.jcajce.provider.symmetric.",
            "org.bouncycastle.crypto.modes.",
            "org.bouncycastle.crypto.engines.",
            "org.bouncycastle.crypto.io.",
            "eu.lexbridge.gateway.as4.StreamingGcmProvider",
            "org.apache.wss4j.common.util.AttachmentUtils",
            "org.apache.wss4j.dom.processor.EncryptedKeyProcessor",
            "org.apache.wss4j.dom.processor.ReferenceListProcessor",
            "org.apache.wss4j.dom.processor.EncryptedDataProcessor",
            "org.apache.wss4j.dom.str.EncryptedKeySTRParser",
            "org.apache.xml.security.encryption.");

    private WssFailures() {
    }

    /** Whether the failure is the signature's or the signer's (rather than decryption's or unknown). */
    static boolean isAuthentication(Throwable failure) {
        if (failure == null) {
            return false;
        }
        Throwable[] chain = chain(failure);
        for (int i = chain.length - 1; i >= 0; i--) {
            for (StackTraceElement frame : chain[i].getStackTrace()) {
                String at = frame.getClassName();
                if (startsWithAny(at, DECRYPTION)) {
                    return false;
                }
                // Merlin also finds our decryption key; only its trust check is the signer's.
                if (startsWithAny(at, AUTHENTICATION) || at.equals("org.apache.wss4j.common.crypto.Merlin")
                        && frame.getMethodName().equals("verifyTrust")) {
                    return true;
                }
            }
        }
        return failure instanceof WSSecurityException wss
                && wss.getErrorCode() == WSSecurityException.ErrorCode.FAILED_AUTHENTICATION;
    }

    private static Throwable[] chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable at = failure; at != null && !chain.contains(at) && chain.size() < 20; at = at.getCause()) {
            chain.add(at);
        }
        return chain.toArray(Throwable[]::new);
    }

    private static boolean startsWithAny(String className, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
