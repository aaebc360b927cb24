package eu.lexbridge.trust.lists;

import eu.europa.esig.dss.spi.client.http.DataLoader;
import eu.europa.esig.dss.spi.client.http.NativeHTTPDataLoader;
import eu.europa.esig.dss.spi.exception.DSSExternalResourceException;
import eu.europa.esig.dss.spi.exception.DSSDataLoaderMultipleException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fetches a list from where its URL says, and from nowhere else: {@code file:} URLs are read from disk (no HTTP
 * stack involved, so an offline deployment stays offline), {@code http:} and {@code https:} go through the JDK's HTTP
 * client (DSS's {@link NativeHTTPDataLoader}: timeouts and a size cap), and every other scheme (ldap, ftp, jar, ...)
 * is refused, because a trusted list pointing there is not one we want to follow.
 */
final class LocationDataLoader implements DataLoader {

    private static final long serialVersionUID = 1L;
    /** The EU LOTL is about 0.4 MB and the largest national lists are a few MB; 32 MB leaves room, not abuse. */
    private static final int MAX_LIST_BYTES = 32 * 1024 * 1024;
    private static final int TIMEOUT_MILLIS = 30_000;

    private final NativeHTTPDataLoader http;

    LocationDataLoader() {
        http = new NativeHTTPDataLoader();
        http.setMaxInputSize(MAX_LIST_BYTES);
        http.setConnectTimeout(TIMEOUT_MILLIS);
        http.setReadTimeout(TIMEOUT_MILLIS);
    }

    @Override
    public byte[] get(String url) {
        String scheme = scheme(url);
        switch (scheme) {
            case "file":
                return readFile(url);
            case "http":
            case "https":
                return http.get(url);
            default:
                throw new DSSExternalResourceException("Refusing to fetch " + url
                        + ": only file:, http: and https: locations are followed");
        }
    }

    @Override
    public DataAndUrl get(List<String> urls) {
        Map<String, Throwable> failures = new LinkedHashMap<>();
        for (String url : urls) {
            try {
                return new DataAndUrl(url, get(url));
            } catch (RuntimeException e) {
                failures.put(url, e);
            }
        }
        throw new DSSDataLoaderMultipleException(failures);
    }

    /** Lists are only ever read. */
    @Override
    public byte[] post(String url, byte[] content) {
        throw new DSSExternalResourceException("Refusing to POST to " + url + ": trusted lists are only read");
    }

    @Override
    public void setContentType(String contentType) {
        http.setContentType(contentType);
    }

    private static byte[] readFile(String url) {
        try {
            Path file = Path.of(URI.create(url));
            long size = Files.size(file);
            if (size > MAX_LIST_BYTES) {
                throw new DSSExternalResourceException("Refusing " + url + ": " + size + " bytes is more than a "
                        + "trusted list has (" + MAX_LIST_BYTES + " at most)");
            }
            return Files.readAllBytes(file);
        } catch (IOException | IllegalArgumentException e) {
            throw new DSSExternalResourceException("Cannot read " + url + ": " + e);
        }
    }

    private static String scheme(String url) {
        int colon = url == null ? -1 : url.indexOf(':');
        if (colon <= 0) {
            throw new DSSExternalResourceException("Not an absolute URL: " + url);
        }
        return url.substring(0, colon).toLowerCase(Locale.ROOT);
    }
}
