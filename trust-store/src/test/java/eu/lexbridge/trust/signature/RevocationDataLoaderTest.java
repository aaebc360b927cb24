package eu.lexbridge.trust.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.spi.exception.DSSExternalResourceException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which revocation URLs are fetched at all: file, http and https, never LDAP or FTP; OCSP never from a file. */
class RevocationDataLoaderTest {

    @Test
    void onlyFileAndHttpSchemesAreAllowed() {
        assertThat(RevocationDataLoader.allowed("ldap://127.0.0.1/cn=root", true)).isFalse();
        assertThat(RevocationDataLoader.allowed("ftp://127.0.0.1/root.crl", true)).isFalse();
        assertThat(RevocationDataLoader.allowed("file:///tmp/root.crl", false)).isFalse();
        assertThat(RevocationDataLoader.allowed("file:///tmp/root.crl", true)).isTrue();
        assertThat(RevocationDataLoader.allowed("HTTPS://ca.example/root.crl", false)).isTrue();
        assertThat(RevocationDataLoader.allowed("not a url", true)).isFalse();
    }

    @Test
    void aListOfRefusedUrlsFetchesNothing() {
        RevocationDataLoader loader = RevocationDataLoader.forCrl(Duration.ofSeconds(1));

        assertThatThrownBy(() -> loader.get(List.of("ldap://127.0.0.1/cn=root", "ftp://127.0.0.1/root.crl")))
                .isInstanceOf(DSSExternalResourceException.class).hasMessageContaining("no revocation URL");
    }
}
