package eu.lexbridge.gateway.domibus;

import eu.lexbridge.core.log.LogSafe;

/** Transport trouble with Domibus in words for the log and the timeline: what kind, no stack trace, no class name. */
final class TransportTrouble {

    private TransportTrouble() {
    }

    static String describe(Throwable e) {
        String what = "transport error";
        String message = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String known = kind(cause);
            if (known != null) {
                // the kind says it all; the exception's own text may name classes
                return known;
            }
            message = cause.getMessage() == null ? message : cause.getMessage();
        }
        return message == null ? what : what + " (" + LogSafe.of(message, 512) + ")";
    }

    private static String kind(Throwable cause) {
        if (cause instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (cause instanceof java.net.http.HttpTimeoutException || cause instanceof java.net.SocketTimeoutException) {
            return "no answer in time";
        }
        if (cause instanceof java.net.UnknownHostException) {
            return "unknown host";
        }
        if (cause instanceof javax.net.ssl.SSLException) {
            return "TLS failed";
        }
        return null;
    }
}
