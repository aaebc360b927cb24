package eu.lexbridge.core.port;

import eu.lexbridge.core.message.PayloadRef;
import java.util.Objects;

/** Validates the signatures of a business document (offline, against the configured trust anchors). */
public interface DocumentChecker {

    /** Never throws for a bad or unsigned document: the check says what it found. */
    Check check(PayloadRef document);

    /**
     * @param signedValid signed, and every signature intact and by a trusted signer
     * @param finding a sentence for people: the format and what was found
     */
    record Check(boolean signedValid, String finding) {
        public Check {
            Objects.requireNonNull(finding, "finding");
        }
    }
}
