package eu.lexbridge.gateway.as4;

import java.util.Locale;

/**
 * Which payloads are worth gzip. e-CODEX payloads are mostly ASiC containers and PDFs, already compressed: gzip costs
 * ~20 ms per MiB on them and saves nothing, while XML shrinks to a fifth.
 */
final class CompressibleMimeTypes {

    private CompressibleMimeTypes() {
    }

    static boolean isCompressible(String mimeType) {
        String type = mimeType.toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        if (parameters >= 0) {
            type = type.substring(0, parameters);
        }
        type = type.trim();
        return type.startsWith("text/") || type.equals("application/xml") || type.endsWith("+xml")
                || type.equals("application/json");
    }
}
