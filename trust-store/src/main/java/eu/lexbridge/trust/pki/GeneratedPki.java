package eu.lexbridge.trust.pki;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link TestPki#generate} wrote.
 *
 * @param directory the directory everything was written under
 * @param caCertificate the root CA certificate, PEM
 * @param trustStore the PKCS#12 trust store holding the root CA under alias {@code ca}
 * @param parties the keys of each party, in the order the parties were given
 */
public record GeneratedPki(Path directory, Path caCertificate, Path trustStore, Map<String, PartyKeys> parties) {
    public GeneratedPki {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(caCertificate, "caCertificate");
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(parties, "parties");
        // Keep the caller's party order: the demo prints it.
        parties = Collections.unmodifiableMap(new LinkedHashMap<>(parties));
    }
}
