package eu.lexbridge.trust.signature;

import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.service.http.commons.OCSPDataLoader;
import eu.europa.esig.dss.spi.client.http.DataLoader;
import eu.europa.esig.dss.spi.exception.DSSExternalResourceException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches revocation data from the URLs a certificate names, allowing only {@code file:}, {@code http:} and
 * {@code https:} (no LDAP, no FTP: DSS's own loader would follow those too) and with short timeouts, so that an
 * unreachable CRL makes a signer's status UNKNOWN quickly instead of holding a message for minutes (the official
 * connector's "very slow processing when OCSP was unreachable").
 */
final class RevocationDataLoader implements DataLoader {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RevocationDataLoader.class);

    private final CommonsDataLoader delegate;

    private RevocationDataLoader(CommonsDataLoader delegate, Duration timeout) {
        this.delegate = delegate;
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        delegate.setTimeoutConnection(millis);
        delegate.setTimeoutConnectionRequest(millis);
        delegate.setTimeoutResponse(millis);
        delegate.setTimeoutSocket(millis);
    }

    /** For CRLs (GET). */
    static RevocationDataLoader forCrl(Duration timeout) {
        return new RevocationDataLoader(new CommonsDataLoader(), timeout);
    }

    /** For OCSP requests (POST with the OCSP content type). */
    static RevocationDataLoader forOcsp(Duration timeout) {
        return new RevocationDataLoader(new OCSPDataLoader(), timeout);
    }

    @Override
    public byte[] get(String url) {
        requireAllowed(url, true);
        LOG.debug("fetching revocation data from {}", url);
        return delegate.get(url);
    }

    @Override
    public DataAndUrl get(List<String> urls) {
        DSSExternalResourceException last = null;
        for (String url : urls) {
            if (!allowed(url, true)) {
                LOG.debug("revocation URL skipped, scheme not allowed: {}", url);
                continue;
            }
            try {
                return new DataAndUrl(url, get(url));
            } catch (RuntimeException e) {
                LOG.debug("revocation data not fetched from {}: {}", url, e.getMessage());
                last = new DSSExternalResourceException("cannot fetch " + url + ": " + e.getMessage(), e);
            }
        }
        throw last != null ? last : new DSSExternalResourceException("no revocation URL with an allowed scheme "
                + "(file, http, https) among " + urls);
    }

    @Override
    public byte[] post(String url, byte[] content) {
        requireAllowed(url, false);
        LOG.debug("posting an OCSP request to {}", url);
        return delegate.post(url, content);
    }

    @Override
    public void setContentType(String contentType) {
        delegate.setContentType(contentType);
    }

    private static void requireAllowed(String url, boolean fileToo) {
        if (!allowed(url, fileToo)) {
            throw new DSSExternalResourceException("revocation URL refused, only " + (fileToo ? "file, " : "")
                    + "http and https are fetched: " + url);
        }
    }

    static boolean allowed(String url, boolean fileToo) {
        Objects.requireNonNull(url, "url");
        String scheme;
        try {
            scheme = URI.create(url.trim()).getScheme();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (scheme == null) {
            return false;
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https") || (fileToo && scheme.equals("file"));
    }
}
