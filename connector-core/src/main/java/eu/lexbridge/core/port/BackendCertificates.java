package eu.lexbridge.core.port;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The certificate each back-end proves itself with, one identity for every back-end API: the SOAP API's WS-Security
 * signature and the REST API's mutual TLS name the same back-end by the same certificate. A certificate is matched
 * exactly (its encoded form), not by its subject: two certificates with one name are two identities.
 */
public final class BackendCertificates {

    private static final BackendCertificates NONE = new BackendCertificates(Map.of());

    private final Map<String, X509Certificate> byBackend;

    private BackendCertificates(Map<String, X509Certificate> byBackend) {
        this.byBackend = byBackend;
    }

    /** No back-end has a certificate: none can be identified by one. */
    public static BackendCertificates none() {
        return NONE;
    }

    /**
     * @param byBackend each back-end's certificate, by back-end name
     * @throws IllegalArgumentException when two back-ends have one certificate: they could not be told apart
     */
    public static BackendCertificates of(Map<String, X509Certificate> byBackend) {
        Map<String, X509Certificate> copy = new LinkedHashMap<>();
        byBackend.forEach((name, certificate) -> {
            Objects.requireNonNull(certificate, () -> "certificate of back-end " + name);
            copy.values().stream().filter(other -> Arrays.equals(encoded(other), encoded(certificate))).findFirst()
                    .ifPresent(other -> {
                        throw new IllegalArgumentException("back-ends " + nameOf(copy, other) + " and " + name
                                + " have the same certificate; each back-end needs its own");
                    });
            copy.put(name, certificate);
        });
        return new BackendCertificates(Map.copyOf(copy));
    }

    /** The back-end that proves itself with {@code presented}, or empty for a certificate no back-end has. */
    public Optional<String> backendOf(X509Certificate presented) {
        if (presented == null) {
            return Optional.empty();
        }
        byte[] encoded = encoded(presented);
        return byBackend.entrySet().stream().filter(e -> Arrays.equals(encoded(e.getValue()), encoded))
                .map(Map.Entry::getKey).findFirst();
    }

    /** The certificate of {@code backendName}: to encrypt what is pushed to it, or to check what it signed. */
    public Optional<X509Certificate> certificateOf(String backendName) {
        return Optional.ofNullable(byBackend.get(backendName));
    }

    /** The back-ends that have a certificate. */
    public Set<String> backends() {
        return byBackend.keySet();
    }

    private static String nameOf(Map<String, X509Certificate> map, X509Certificate certificate) {
        return map.entrySet().stream().filter(e -> e.getValue() == certificate).map(Map.Entry::getKey).findFirst()
                .orElseThrow();
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("a back-end certificate cannot be encoded: " + e.getMessage(), e);
        }
    }
}
