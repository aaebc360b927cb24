package eu.lexbridge.trust.container;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Hostile variants of a container made in a test: its zip entries read, changed and written again. */
public final class ContainerEntries {

    private ContainerEntries() {
    }

    /**
     * Rewrites a container's entries (names in order to bytes), keeping mimetype (and any {@code .zip} entry) stored.
     */
    public static byte[] rewrite(byte[] container, UnaryOperator<Map<String, byte[]>> change) {
        try {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            try (InputStream in = new ByteArrayInputStream(container); ZipInputStream zip = new ZipInputStream(in)) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    entries.put(entry.getName(), zip.readAllBytes());
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (var entry : change.apply(entries).entrySet()) {
                    ZipEntry zipEntry = new ZipEntry(entry.getKey());
                    if (entry.getKey().equals("mimetype") || entry.getKey().endsWith(".zip")) {
                        CRC32 crc = new CRC32();
                        crc.update(entry.getValue());
                        zipEntry.setMethod(ZipEntry.STORED);
                        zipEntry.setSize(entry.getValue().length);
                        zipEntry.setCrc(crc.getValue());
                    }
                    zip.putNextEntry(zipEntry);
                    zip.write(entry.getValue());
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
