package eu.lexbridge.gateway.domibus;

import eu.lexbridge.core.log.LogSafe;
import org.apache.cxf.transport.http.HTTPException;

/** Transport trouble with Domibus in words for the log and the timeline: what kind, no stack trace, no class name. */
public final class TransportTrouble {

    /** The kinds the health check gives advice for. */
    public enum Kind {
        CONNECTION_REFUSED("connection refused"),
        TIMEOUT("no answer in time"),
        UNKNOWN_HOST("unknown host"),
        TLS("TLS failed"),
        /** HTTP 401 or 403: the plugin user or its password. */
        REFUSED_USER("the plugin user was refused"),
        OTHER("transport error");

        private final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    private TransportTrouble() {
    }

    static String describe(Throwable e) {
        String message = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Kind known = kind(cause);
            if (known != null) {
                // the kind says it all; the exception's own text may name classes
                return known == Kind.REFUSED_USER ? known.words + " (HTTP " + ((HTTPException) cause).getResponseCode()
                        + ")" : known.words;
            }
            message = cause.getMessage() == null ? message : cause.getMessage();
        }
        return message == null ? Kind.OTHER.words : Kind.OTHER.words + " (" + LogSafe.of(message, 512) + ")";
    }

    static Kind kindOf(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Kind known = kind(cause);
            if (known != null) {
                return known;
            }
        }
        return Kind.OTHER;
    }

    private static Kind kind(Throwable cause) {
        if (cause instanceof java.net.ConnectException) {
            return Kind.CONNECTION_REFUSED;
        }
        if (cause instanceof java.net.http.HttpTimeoutException || cause instanceof java.net.SocketTimeoutException) {
            return Kind.TIMEOUT;
        }
        if (cause instanceof java.net.UnknownHostException) {
            return Kind.UNKNOWN_HOST;
        }
        if (cause instanceof javax.net.ssl.SSLException) {
            return Kind.TLS;
        }
        if (cause instanceof HTTPException http && (http.getResponseCode() == 401 || http.getResponseCode() == 403)) {
            return Kind.REFUSED_USER;
        }
        return null;
    }
}
