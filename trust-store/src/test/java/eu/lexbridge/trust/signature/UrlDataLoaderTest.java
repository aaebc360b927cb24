package eu.lexbridge.trust.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.spi.exception.DSSExternalResourceException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which URLs are fetched at all: file, http and https, never LDAP or FTP; OCSP never from a file; lists never posted. */
class UrlDataLoaderTest {

    @Test
    void onlyFileAndHttpSchemesAreAllowed() {
        assertThat(UrlDataLoader.allowed("ldap://127.0.0.1/cn=root", true)).isFalse();
        assertThat(UrlDataLoader.allowed("ftp://127.0.0.1/root.crl", true)).isFalse();
        assertThat(UrlDataLoader.allowed("file:///tmp/root.crl", false)).isFalse();
        assertThat(UrlDataLoader.allowed("file:///tmp/root.crl", true)).isTrue();
        assertThat(UrlDataLoader.allowed("HTTPS://ca.example/root.crl", false)).isTrue();
        assertThat(UrlDataLoader.allowed("not a url", true)).isFalse();
    }

    @Test
    void aListOfRefusedUrlsFetchesNothing() {
        UrlDataLoader loader = UrlDataLoader.forCrl(Duration.ofSeconds(1));

        assertThatThrownBy(() -> loader.get(List.of("ldap://127.0.0.1/cn=root", "ftp://127.0.0.1/root.crl")))
                .isInstanceOf(DSSExternalResourceException.class).hasMessageContaining("no URL with an allowed scheme");
    }

    @Test
    void listsAreReadNeverPostedAndOcspNeverReadFromAFile() {
        assertThatThrownBy(() -> UrlDataLoader.forLists().post("https://lists.example/lotl.xml", new byte[1]))
                .isInstanceOf(DSSExternalResourceException.class).hasMessageContaining("only reads");
        assertThatThrownBy(() -> UrlDataLoader.forOcsp(Duration.ofSeconds(1)).get("file:///etc/hostname"))
                .isInstanceOf(DSSExternalResourceException.class).hasMessageContaining("refused");
    }
}
