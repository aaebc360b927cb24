package eu.lexbridge.gateway.as4;

import java.security.Provider;
import java.security.Security;

/**
 * On JDK 17 the JDK's AES-GCM decryption through {@code CipherInputStream} is quadratic (JDK-8298249, fixed in 21):
 * a 50 MB AS4 attachment takes over two minutes to decrypt. WSS4J asks for {@code AES/GCM/NoPadding} without naming a
 * provider, so the only lever is a provider ahead of SunJCE that maps that one transformation to Bouncy Castle's
 * streaming GCM (measured: 50 MB in 2.2 s instead of 138 s).
 *
 * <p>Side effect: every provider-less AES-GCM in the JVM, TLS records included, then runs on Bouncy Castle (~90 MiB/s
 * instead of several GiB/s). That is why it is installed only below JDK 21.
 */
public final class StreamingGcmProvider extends Provider {

    static final String NAME = "LexBridgeStreamingGcm";
    private static final int FIXED_IN_FEATURE_RELEASE = 21;

    public StreamingGcmProvider() {
        super(NAME, "1.0", "AES/GCM/NoPadding by Bouncy Castle's streaming GCM (JDK-8298249 work-around)");
        put("Cipher.AES/GCM/NoPadding", "org.bouncycastle.jcajce.provider.symmetric.AES$GCM");
    }

    /** Installs the provider at position 1 on JDK 17–20; does nothing on JDK 21+ or when already installed. */
    public static synchronized boolean installIfNeeded() {
        if (Runtime.version().feature() >= FIXED_IN_FEATURE_RELEASE || Security.getProvider(NAME) != null) {
            return false;
        }
        Security.insertProviderAt(new StreamingGcmProvider(), 1);
        return true;
    }
}
