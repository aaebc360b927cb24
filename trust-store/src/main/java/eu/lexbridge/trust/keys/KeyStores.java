package eu.lexbridge.trust.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.security.auth.login.LoginException;

/**
 * Opens the key stores and certificate files the connector is configured with. Failures name the file and say what
 * is wrong with it, and never carry the password.
 */
public final class KeyStores {

    /** A slot id ({@code 1234}) or a position in the library's slot list ({@code index:0}). */
    private static final Pattern SLOT_ID = Pattern.compile("[0-9]{1,19}");
    private static final Pattern SLOT_INDEX = Pattern.compile("index:([0-9]{1,9})");

    private KeyStores() {
    }

    /**
     * Opens a PKCS#11 token (an HSM, a smart card, SoftHSM) as a key store through the JDK's SunPKCS11 provider,
     * configured at run time for this library and slot and not registered with {@link Security}. Its key entries are
     * read with {@link SealKey#fromKeyStore(KeyStore, String, char[])} (key password: the PIN, or any non-null value);
     * signatures are then computed on the token, whose private keys never leave it.
     *
     * <p>Private keys imported through the returned key store ({@link KeyStore#setKeyEntry}) are created sensitive and
     * not extractable.
     *
     * <p>PKCS#11 login is per process: once a token is logged in (by an earlier call for the same slot), the token
     * does not check the PIN of a later call again.
     *
     * <p>SunPKCS11 selects a token by slot, not by label: {@code pkcs11-tool -L} or {@code softhsm2-util --show-slots}
     * list the slots with their token labels.
     *
     * @param pkcs11Library the PKCS#11 module, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}
     * @param slot the slot id as a decimal number (e.g. {@code 1384712029}), or {@code index:N} for the N-th slot
     *     (from 0) of the library's slot list
     * @param pin the user PIN; not kept, never shown
     * @throws IllegalArgumentException when the library is missing or cannot be loaded, the slot is malformed, absent or
     *     has no token, or the PIN is wrong; the message names the library and the slot, never the PIN
     */
    public static KeyStore loadPkcs11(Path pkcs11Library, String slot, char[] pin) {
        Objects.requireNonNull(pkcs11Library, "pkcs11Library");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(pin, "pin");
        Path library = pkcs11Library.toAbsolutePath().normalize();
        String where = "PKCS#11 slot '" + slot + "' of library " + library;
        String slotLine;
        if (SLOT_ID.matcher(slot).matches()) {
            slotLine = "slot = " + Long.parseLong(slot);
        } else if (SLOT_INDEX.matcher(slot).matches()) {
            slotLine = "slotListIndex = " + Integer.parseInt(slot.substring("index:".length()));
        } else {
            throw new IllegalArgumentException("Cannot open " + where
                    + ": the slot must be a slot id such as 0 or 1384712029, or index:N for the N-th slot of the list");
        }
        if (!Files.isRegularFile(library) || !Files.isReadable(library)) {
            throw new IllegalArgumentException("Cannot open " + where + ": the library does not exist or is not a"
                    + " readable file");
        }
        if (library.toString().contains("\"") || library.toString().contains("\n")) {
            throw new IllegalArgumentException(
                    "Cannot open " + where + ": the library path contains '\"' or a line break");
        }
        Provider unconfigured = Security.getProvider("SunPKCS11");
        if (unconfigured == null) {
            throw new IllegalArgumentException("Cannot open " + where
                    + ": this Java runtime has no SunPKCS11 provider (module jdk.crypto.cryptoki)");
        }
        String config = "--"
                + "name = LexBridge-" + slotLine.replaceAll("[^A-Za-z0-9]+", "") + "\n"
                + "library = \"" + library + "\"\n"
                + slotLine + "\n"
                // Keys imported through this key store stay on the token.
                + "attributes(import, CKO_PRIVATE_KEY, *) = {\n"
                + "  CKA_SENSITIVE = true\n"
                + "  CKA_EXTRACTABLE = false\n"
                + "}\n";
        Provider provider;
        try {
            provider = unconfigured.configure(config);
        } catch (ProviderException | IllegalArgumentException | UnsupportedOperationException e) {
            // InvalidParameterException is an IllegalArgumentException.
            throw new IllegalArgumentException("Cannot open " + where + ": the library cannot be loaded or initialised ("
                    + describe(e) + ")", e);
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
            return store;
        } catch (IOException e) {
            if (causedBy(e, LoginException.class) || String.valueOf(describe(e)).contains("CKR_PIN_INCORRECT")) {
                throw new IllegalArgumentException("Cannot open " + where + ": the PIN is wrong", e);
            }
            throw new IllegalArgumentException("Cannot open " + where + ": " + describe(e), e);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new IllegalArgumentException("Cannot open " + where
                    + ": no token is present in that slot, or the slot does not exist (" + describe(e) + ")", e);
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message: the PKCS#11 return code (CKR_...) where there is one. Never holds the PIN. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
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
                throw new UnusableKeyFile("Cannot open PKCS#12 key store " + file + ": the password is wrong", file,
                        UnusableKeyFile.Problem.WRONG_PASSWORD, e);
            }
            throw new UnusableKeyFile("Cannot open PKCS#12 key store " + file + ": it is not a readable PKCS#12 file",
                    file, UnusableKeyFile.Problem.NOT_PKCS12, e);
        } catch (GeneralSecurityException e) {
            throw new UnusableKeyFile("Cannot open PKCS#12 key store " + file + ": " + e.getMessage(), file,
                    UnusableKeyFile.Problem.OTHER, e);
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
            throw new UnusableKeyFile("The " + what + " " + file + " does not exist or is not a file", file,
                    UnusableKeyFile.Problem.MISSING, null);
        }
        if (!Files.isReadable(file)) {
            throw new UnusableKeyFile("The " + what + " " + file + " is not readable", file,
                    UnusableKeyFile.Problem.UNREADABLE, null);
        }
    }

    /**
     * Every X.509 certificate of a key store, from its certificate entries and its key entries: what a trust store
     * holds as anchors.
     *
     * @throws IllegalArgumentException when the store cannot be read or holds no X.509 certificate
     */
    public static java.util.List<X509Certificate> certificates(KeyStore store) {
        java.util.Objects.requireNonNull(store, "store");
        java.util.List<X509Certificate> certificates = new java.util.ArrayList<>();
        try {
            for (String alias : java.util.Collections.list(store.aliases())) {
                if (store.getCertificate(alias) instanceof X509Certificate certificate) {
                    certificates.add(certificate);
                }
            }
        } catch (java.security.KeyStoreException e) {
            throw new IllegalArgumentException("Cannot read the trust store: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("The trust store holds no X.509 certificate");
        }
        return java.util.List.copyOf(certificates);
    }
}
