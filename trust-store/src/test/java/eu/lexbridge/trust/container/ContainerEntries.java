package eu.lexbridge.trust.container;

import eu.lexbridge.trust.pki.AlteredDocuments;
import eu.lexbridge.trust.pki.AlteredDocuments.ZipItem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Hostile variants of a container made in a test, by name: its zip entries read, changed and written again through
 * {@link AlteredDocuments}, the one place hostile zips are laid down.
 */
public final class ContainerEntries {

    private ContainerEntries() {
    }

    /**
     * Rewrites a container's entries (names in order to bytes), keeping mimetype (and any {@code .zip} entry) stored.
     */
    public static byte[] rewrite(byte[] container, UnaryOperator<Map<String, byte[]>> change) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        AlteredDocuments.entries(container).forEach(item -> entries.put(item.name(), item.content()));
        return AlteredDocuments.zip(change.apply(entries).entrySet().stream()
                .map(entry -> new ZipItem(entry.getKey(), entry.getValue(),
                        !(entry.getKey().equals("mimetype") || entry.getKey().endsWith(".zip"))))
                .toList());
    }
}
