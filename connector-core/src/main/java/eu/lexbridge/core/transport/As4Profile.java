package eu.lexbridge.core.transport;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which eDelivery AS4 profile's message security a partner speaks. The versions are not wire-compatible: a 2.0 party
 * signs with one key and decrypts with another (a key-agreement key cannot sign), so it has two certificates.
 */
public enum As4Profile {

    /** eDelivery AS4 1.x, what e-CODEX uses today: RSA-SHA256 signatures, RSA-OAEP key transport, AES-128-GCM. */
    EDELIVERY_1("1.x"),
    /**
     * eDelivery AS4 2.0 Common Usage Profile: EdDSA Ed25519 signatures; X25519 key agreement, HKDF, AES-128 key wrap;
     * AES-128-GCM.
     */
    EDELIVERY_2_EDDSA("2.0"),
    /** eDelivery AS4 2.0, its EC option: ECDSA-SHA256 on P-256; ECDH-ES, HKDF, AES-128 key wrap; AES-128-GCM. */
    EDELIVERY_2_ECDSA("2.0-ecdsa");

    private final String label;

    As4Profile(String label) {
        this.label = label;
    }

    /** How people and configuration name it: {@code 1.x}, {@code 2.0} or {@code 2.0-ecdsa}. */
    public String label() {
        return label;
    }

    /** Whether it is a 2.0 profile: a signing and a separate encryption certificate. */
    public boolean separateEncryptionKey() {
        return this != EDELIVERY_1;
    }

    /** The profile a label names, exactly as {@link #label()} gives it. */
    public static Optional<As4Profile> ofLabel(String label) {
        return Arrays.stream(values()).filter(profile -> profile.label.equals(label)).findFirst();
    }
}
