package eu.lexbridge.core.port;

import java.util.List;
import java.util.Objects;

/**
 * Checks a detached seal over a published file, such as a directory snapshot: the seal is intact over the file's
 * digest and its signer is one of the publishers this connector trusts for that file.
 */
public interface SignatureVerifier {

    /**
     * @param signatures the detached XAdES signature document ({@code META-INF/signatures.xml} of an ASiC-S)
     * @param signedObject the signed file's name, as the signature references it
     * @param sha256 the SHA-256 of the signed file's bytes
     * @return the verdict; a bad seal is a verdict, never an exception
     */
    Verdict verifyDetached(byte[] signatures, String signedObject, byte[] sha256);

    /**
     * @param valid intact, and by a trusted publisher
     * @param signer the signer's subject, or {@code null} when none could be read
     * @param problems what is wrong, one sentence each; empty when valid
     */
    record Verdict(boolean valid, String signer, List<String> problems) {
        public Verdict {
            problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
            if (valid != problems.isEmpty()) {
                throw new IllegalArgumentException("a verdict is valid exactly when it has no problem");
            }
        }
    }
}
