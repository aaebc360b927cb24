package eu.lexbridge.trust.signature;

import eu.europa.esig.dss.service.http.commons.OCSPDataLoader;
import eu.europa.esig.dss.spi.client.http.DataLoader;
import eu.europa.esig.dss.spi.client.http.NativeHTTPDataLoader;
import eu.europa.esig.dss.spi.exception.DSSExternalResourceException;
import eu.lexbridge.core.log.LogSafe;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way LexBridge fetches what a certificate or a list points to (CRLs, OCSP responses, trusted lists): from
 * where the URL says and from nowhere else. {@code file:} URLs are read from disk, without any HTTP stack, so an
 * offline deployment stays offline; {@code http:} and {@code https:} go through the JDK's HTTP client (DSS's
 * {@link NativeHTTPDataLoader}) with timeouts and a size cap; every other scheme (LDAP, FTP, jar ...) is refused —
 * DSS's own loaders would follow those too. Short timeouts make an unreachable CRL an UNKNOWN status quickly instead of
 * holding a message for minutes (the official connector's "very slow processing when OCSP was unreachable").
 */
public final class UrlDataLoader implements DataLoader {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(UrlDataLoader.class);
    /** The EU LOTL is about 0.4 MB and the largest national lists and CRLs a few MB: 32 MB leaves room, not abuse. */
    private static final int MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;
    private static final Duration LIST_TIMEOUT = Duration.ofSeconds(30);

    private final DataLoader http;
    private final boolean files;
    private final boolean posts;
    /** CRL loaders keep each CRL until its next update; {@code null} for the others. */
    private final transient RememberedCrls crls;

    private UrlDataLoader(DataLoader http, boolean files, boolean posts, RememberedCrls crls) {
        this.http = http;
        this.files = files;
        this.posts = posts;
        this.crls = crls;
    }

    /** For trusted lists and the LOTL: read only, 30 s per fetch. */
    public static UrlDataLoader forLists() {
        return new UrlDataLoader(reader(LIST_TIMEOUT), true, false, null);
    }

    /** For CRLs (GET) from the certificates' distribution points, each kept until its next update. */
    public static UrlDataLoader forCrl(Duration timeout) {
        return forCrl(timeout, Clock.systemUTC());
    }

    static UrlDataLoader forCrl(Duration timeout, Clock clock) {
        return new UrlDataLoader(reader(timeout), true, false, new RememberedCrls(clock));
    }

    /**
     * For OCSP requests (POST with the OCSP content type, which the JDK-client loader cannot set: DSS's Apache-client
     * OCSP loader posts them), never to a file.
     */
    public static UrlDataLoader forOcsp(Duration timeout) {
        int millis = millis(timeout);
        OCSPDataLoader ocsp = new OCSPDataLoader();
        ocsp.setTimeoutConnection(millis);
        ocsp.setTimeoutConnectionRequest(millis);
        ocsp.setTimeoutResponse(millis);
        ocsp.setTimeoutSocket(millis);
        return new UrlDataLoader(ocsp, false, true, null);
    }

    private static NativeHTTPDataLoader reader(Duration timeout) {
        NativeHTTPDataLoader http = new NativeHTTPDataLoader();
        http.setMaxInputSize(MAX_DOCUMENT_BYTES);
        http.setConnectTimeout(millis(timeout));
        http.setReadTimeout(millis(timeout));
        return http;
    }

    private static int millis(Duration timeout) {
        return (int) Math.min(Integer.MAX_VALUE, Objects.requireNonNull(timeout, "timeout").toMillis());
    }

    @Override
    public byte[] get(String url) {
        requireAllowed(url);
        return crls == null ? fetch(url) : crls.get(url, this::fetch);
    }

    private byte[] fetch(String url) {
        LOG.debug("fetching {}", LogSafe.of(url));
        return scheme(url).equals("file") ? readFile(url) : http.get(url);
    }

    @Override
    public DataAndUrl get(List<String> urls) {
        DSSExternalResourceException last = null;
        for (String url : urls) {
            if (!allowed(url, files)) {
                LOG.debug("URL skipped, scheme not allowed: {}", LogSafe.of(url));
                continue;
            }
            try {
                return new DataAndUrl(url, get(url));
            } catch (RuntimeException e) {
                LOG.debug("nothing fetched from {}: {}", LogSafe.of(url), LogSafe.of(e.getMessage()));
                last = new DSSExternalResourceException("cannot fetch " + url + ": " + e.getMessage(), e);
            }
        }
        throw last != null ? last : new DSSExternalResourceException("no URL with an allowed scheme ("
                + (files ? "file, " : "") + "http, https) among " + urls);
    }

    @Override
    public byte[] post(String url, byte[] content) {
        if (!posts) {
            throw new DSSExternalResourceException("Refusing to POST to " + url + ": this loader only reads");
        }
        requireAllowed(url);
        LOG.debug("posting a request to {}", LogSafe.of(url));
        return http.post(url, content);
    }

    /** Only a request that is posted has a content type: the OCSP loader keeps its own, readers have none. */
    @Override
    public void setContentType(String contentType) {
        if (posts) {
            http.setContentType(contentType);
        }
    }

    private void requireAllowed(String url) {
        if (!allowed(url, files)) {
            throw new DSSExternalResourceException("URL refused, only " + (files ? "file, " : "")
                    + "http and https are fetched: " + url);
        }
    }

    /** Whether {@code url} is fetched at all: http and https, and file when {@code fileToo}. */
    static boolean allowed(String url, boolean fileToo) {
        Objects.requireNonNull(url, "url");
        String scheme = scheme(url);
        return scheme.equals("http") || scheme.equals("https") || (fileToo && scheme.equals("file"));
    }

    private static String scheme(String url) {
        try {
            String scheme = URI.create(url.trim()).getScheme();
            return scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static byte[] readFile(String url) {
        try {
            Path file = Path.of(URI.create(url.trim()));
            long size = Files.size(file);
            if (size > MAX_DOCUMENT_BYTES) {
                throw new DSSExternalResourceException("Refusing " + url + ": " + size + " bytes, more than "
                        + MAX_DOCUMENT_BYTES);
            }
            return Files.readAllBytes(file);
        } catch (IOException | IllegalArgumentException e) {
            throw new DSSExternalResourceException("Cannot read " + url + ": " + e);
        }
    }
}
