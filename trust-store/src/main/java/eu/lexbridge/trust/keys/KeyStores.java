package eu.lexbridge.trust.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * Opens the key stores and certificate files the connector is configured with. Failures name the file and say what
 * is wrong with it, and never carry the password.
 */
public final class KeyStores {

    private KeyStores() {
    }

    /**
     * Loads a PKCS#12 key store.
     *
     * @throws IllegalArgumentException when the file is missing or unreadable, the password is wrong, or the file is
     *     not a PKCS#12 key store
     */
    public static KeyStore loadPkcs12(Path file, char[] password) {
        Objects.requireNonNull(file, "file");
        // A null password makes the JDK skip the integrity check: refuse it rather than load unchecked data.
        Objects.requireNonNull(password, "password");
        requireReadable(file, "PKCS#12 key store");
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalArgumentException(
                        "Cannot open PKCS#12 key store " + file + ": the password is wrong", e);
            }
            throw new IllegalArgumentException(
                    "Cannot open PKCS#12 key store " + file + ": it is not a readable PKCS#12 file", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot open PKCS#12 key store " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads one X.509 certificate, PEM ({@code -----BEGIN CERTIFICATE-----}) or DER.
     *
     * @throws IllegalArgumentException when the file is missing or unreadable or holds no certificate
     */
    public static X509Certificate readCertificate(Path pemOrDer) {
        Objects.requireNonNull(pemOrDer, "pemOrDer");
        requireReadable(pemOrDer, "certificate file");
        try (InputStream in = Files.newInputStream(pemOrDer)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (CertificateException e) {
            throw new IllegalArgumentException(
                    "Cannot read certificate file " + pemOrDer + ": it holds no PEM or DER X.509 certificate", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read certificate file " + pemOrDer + ": " + e.getMessage(), e);
        }
    }

    private static void requireReadable(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("The " + what + " " + file + " does not exist or is not a file");
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("The " + what + " " + file + " is not readable");
        }
    }
}
