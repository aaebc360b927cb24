package eu.lexbridge.trust.signature;

import java.io.ByteArrayInputStream;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * CRLs fetched once and used again until their {@code nextUpdate}, the moment their issuer promises nothing newer.
 *
 * <p>Why: every seal of every evidence, container and document names the same few distribution points, and each
 * validation fetched the CRL again (a round trip to the CA, and a CRL can be megabytes). A CRL is the issuer's answer
 * until its next update, so keeping it that long answers the same. Kept at most {@link #LONGEST} (a CRL without
 * {@code nextUpdate}, or with a far one, is fetched again daily); what is not a CRL is not kept, so DSS reports it as
 * before; a failed fetch is not remembered. Bounded: at most {@link #MAX_ENTRIES} CRLs and {@link #MAX_BYTES} in all,
 * the least recently used dropped first.
 *
 * <p>Thread-safe. Two threads that miss at once both fetch; the later answer stays.
 */
final class RememberedCrls {

    static final Duration LONGEST = Duration.ofHours(24);
    static final int MAX_ENTRIES = 64;
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private record Remembered(byte[] crl, Instant until) {
    }

    private final Clock clock;
    private final FetchedCrls fetched;
    private final Map<String, Remembered> byUrl = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    RememberedCrls(Clock clock) {
        this(clock, FetchedCrls.PROCESS);
    }

    RememberedCrls(Clock clock, FetchedCrls fetched) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fetched = Objects.requireNonNull(fetched, "fetched");
    }

    /** The CRL at {@code url}: the one kept while it is current, otherwise what {@code fetch} returns. */
    byte[] get(String url, Function<String, byte[]> fetch) {
        Instant now = clock.instant();
        synchronized (byUrl) {
            Remembered kept = byUrl.get(url);
            if (kept != null && now.isBefore(kept.until())) {
                return kept.crl();
            }
        }
        byte[] crl = fetch.apply(url);
        X509CRL parsed = parse(crl);
        if (parsed != null) {
            fetched.fetched(url, parsed.getNextUpdate() == null ? null : parsed.getNextUpdate().toInstant(), now);
        }
        Instant until = currentUntil(parsed, now);
        if (until != null && until.isAfter(now) && crl.length <= MAX_BYTES) {
            remember(url, new Remembered(crl, until));
        }
        return crl;
    }

    private void remember(String url, Remembered crl) {
        synchronized (byUrl) {
            Remembered replaced = byUrl.put(url, crl);
            bytes += crl.crl().length - (replaced == null ? 0 : replaced.crl().length);
            Iterator<Remembered> eldest = byUrl.values().iterator();
            while ((byUrl.size() > MAX_ENTRIES || bytes > MAX_BYTES) && eldest.hasNext()) {
                bytes -= eldest.next().crl().length;
                eldest.remove();
            }
        }
    }

    /** Until when {@code parsed} may stand for its issuer's answer, or {@code null} if it is no CRL. */
    private static Instant currentUntil(X509CRL parsed, Instant now) {
        if (parsed == null) {
            return null;
        }
        Instant longest = now.plus(LONGEST);
        if (parsed.getNextUpdate() == null) {
            return longest;
        }
        Instant next = parsed.getNextUpdate().toInstant();
        return next.isBefore(longest) ? next : longest;
    }

    private static X509CRL parse(byte[] crl) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(crl));
        } catch (CertificateException | CRLException | ClassCastException e) {
            return null;
        }
    }
}
