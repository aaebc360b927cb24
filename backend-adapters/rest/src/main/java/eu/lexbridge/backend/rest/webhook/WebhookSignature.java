package eu.lexbridge.backend.rest.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of one webhook call as the Standard Webhooks specification has it
 * (https://www.standardwebhooks.com): {@code v1,} followed by the base64 of HMAC-SHA256 over
 * {@code <webhook-id>.<webhook-timestamp>.<body>}, keyed with the secret's bytes. The secret is written as its
 * libraries write it, {@code whsec_} and the base64 of the key, so a back-end can check our calls with any of them.
 */
public final class WebhookSignature {

    private static final String PREFIX = "whsec_";
    private static final String ALGORITHM = "HmacSHA256";
    /** The range the specification recommends for the key. */
    private static final int MIN_KEY_BYTES = 24;
    private static final int MAX_KEY_BYTES = 64;

    private final SecretKeySpec key;

    private WebhookSignature(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /**
     * @param secret {@code whsec_} followed by the base64 of 24 to 64 bytes
     * @throws IllegalArgumentException for anything else; the message does not repeat the secret
     */
    public static WebhookSignature of(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("must be whsec_ followed by the base64 of 24 to 64 random bytes");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be whsec_ followed by base64 (what follows whsec_ is not base64)");
        }
        if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("must be whsec_ followed by the base64 of 24 to 64 random bytes (it "
                    + "has " + key.length + ")");
        }
        return new WebhookSignature(key);
    }

    /** The {@code webhook-signature} header of one call. */
    public String sign(String webhookId, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSignature[v1, HMAC-SHA256, key hidden]";
    }
}
