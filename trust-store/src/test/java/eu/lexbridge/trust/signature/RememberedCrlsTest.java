package eu.lexbridge.trust.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.spi.exception.DSSExternalResourceException;
import eu.lexbridge.core.testkit.TickingClock;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CRL loader fetches a CRL once and keeps it until its next update, and nothing else. */
class RememberedCrlsTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    @TempDir
    Path dir;

    private static KeyPair ca;

    @BeforeAll
    static void generate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        ca = generator.generateKeyPair();
    }

    @Test
    void aCrlIsFetchedOnceAndKeptUntilItsNextUpdate() throws Exception {
        var clock = new TickingClock(NOW);
        UrlDataLoader loader = UrlDataLoader.forCrl(Duration.ofSeconds(1), clock);
        Path file = dir.resolve("ca.crl");
        byte[] first = crl(NOW.plus(Duration.ofHours(6)), 0);
        Files.write(file, first);
        String url = file.toUri().toString();

        assertThat(loader.get(url)).isEqualTo(first);
        byte[] second = crl(NOW.plus(Duration.ofHours(12)), 42);
        Files.write(file, second);
        clock.advance(Duration.ofHours(5));
        assertThat(loader.get(url)).as("still current").isEqualTo(first);

        clock.advance(Duration.ofHours(1));
        assertThat(loader.get(url)).as("its next update has come").isEqualTo(second);
    }

    @Test
    void aFarNextUpdateOrNoneIsKeptADayAtMost() throws Exception {
        var clock = new TickingClock(NOW);
        UrlDataLoader loader = UrlDataLoader.forCrl(Duration.ofSeconds(1), clock);
        Path file = dir.resolve("ca.crl");
        Files.write(file, crl(null, 0));
        String url = file.toUri().toString();
        loader.get(url);
        byte[] newer = crl(NOW.plus(Duration.ofDays(30)), 7);
        Files.write(file, newer);

        clock.advance(RememberedCrls.LONGEST.minusSeconds(1));
        assertThat(loader.get(url)).isNotEqualTo(newer);
        clock.advance(Duration.ofSeconds(1));
        assertThat(loader.get(url)).isEqualTo(newer);
        Files.write(file, crl(null, 8));
        clock.advance(RememberedCrls.LONGEST.minusSeconds(1));
        assertThat(loader.get(url)).as("a 30-day CRL is kept a day").isEqualTo(newer);
    }

    @Test
    void whatIsNoCrlAndWhatFailedIsNotKept() throws Exception {
        UrlDataLoader loader = UrlDataLoader.forCrl(Duration.ofSeconds(1), new TickingClock(NOW));
        Path file = dir.resolve("ca.crl");
        String url = file.toUri().toString();

        assertThatThrownBy(() -> loader.get(url)).isInstanceOf(DSSExternalResourceException.class);
        Files.writeString(file, "not a CRL", StandardCharsets.US_ASCII);
        assertThat(loader.get(url)).asString(StandardCharsets.US_ASCII).isEqualTo("not a CRL");
        byte[] crl = crl(NOW.plus(Duration.ofHours(1)), 0);
        Files.write(file, crl);
        assertThat(loader.get(url)).isEqualTo(crl);
        Files.delete(file);
        assertThat(loader.get(url)).as("kept now").isEqualTo(crl);
    }

    /** What the trust health check shows: each distribution point's last CRL, stale or not, and its next update. */
    @Test
    void eachCrlFetchedIsReportedWithItsNextUpdateStaleOrNot() throws Exception {
        var seen = new FetchedCrls();
        var crls = new RememberedCrls(new TickingClock(NOW), seen);
        Path stale = dir.resolve("stale.crl");
        Path fresh = dir.resolve("fresh.crl");
        Files.write(stale, crl(NOW.minus(Duration.ofHours(2)), 0));
        Files.write(fresh, crl(NOW.plus(Duration.ofHours(6)), 0));
        Path notCrl = dir.resolve("other");
        Files.writeString(notCrl, "not a CRL", StandardCharsets.US_ASCII);

        for (Path file : new Path[] {stale, fresh, notCrl}) {
            crls.get(file.toUri().toString(), url -> readAll(file));
        }

        assertThat(seen.all()).containsOnlyKeys(stale.toUri().toString(), fresh.toUri().toString());
        assertThat(seen.all().get(stale.toUri().toString()).nextUpdate()).isEqualTo(NOW.minus(Duration.ofHours(2)));
        assertThat(seen.all().get(fresh.toUri().toString()).nextUpdate()).isEqualTo(NOW.plus(Duration.ofHours(6)));
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anExpiredCrlIsNotKept() throws Exception {
        UrlDataLoader loader = UrlDataLoader.forCrl(Duration.ofSeconds(1), new TickingClock(NOW));
        Path file = dir.resolve("ca.crl");
        Files.write(file, crl(NOW.minusSeconds(1), 0));
        String url = file.toUri().toString();
        loader.get(url);
        byte[] fresh = crl(NOW.plus(Duration.ofHours(1)), 1);
        Files.write(file, fresh);

        assertThat(loader.get(url)).isEqualTo(fresh);
    }

    @Test
    void theLeastRecentlyUsedCrlGoesFirstBeyondTheBound() throws Exception {
        var crls = new RememberedCrls(new TickingClock(NOW));
        byte[] crl = crl(NOW.plus(Duration.ofHours(1)), 0);
        int[] fetches = {0};
        for (int i = 0; i <= RememberedCrls.MAX_ENTRIES; i++) {
            crls.get("https://ca.example/" + i + ".crl", url -> {
                fetches[0]++;
                return crl;
            });
        }
        crls.get("https://ca.example/1.crl", url -> {
            fetches[0]++;
            return crl;
        });
        assertThat(fetches[0]).as("the 65 fetched, the second one kept").isEqualTo(RememberedCrls.MAX_ENTRIES + 1);
        crls.get("https://ca.example/0.crl", url -> {
            fetches[0]++;
            return crl;
        });
        assertThat(fetches[0]).as("the first one dropped").isEqualTo(RememberedCrls.MAX_ENTRIES + 2);
    }

    private static byte[] crl(Instant nextUpdate, long revokedSerial) throws Exception {
        var builder = new X509v2CRLBuilder(new X500Name("CN=Test CA"), Date.from(NOW.minusSeconds(60)));
        if (nextUpdate != null) {
            builder.setNextUpdate(Date.from(nextUpdate));
        }
        if (revokedSerial > 0) {
            builder.addCRLEntry(BigInteger.valueOf(revokedSerial), Date.from(NOW), CRLReason.keyCompromise);
        }
        return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate())).getEncoded();
    }
}
