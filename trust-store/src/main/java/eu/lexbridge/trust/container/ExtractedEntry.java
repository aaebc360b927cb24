package eu.lexbridge.trust.container;

import java.nio.file.Path;

/**
 * One file extracted from SignedContent.zip.
 *
 * @param name the entry name
 * @param file where it is now
 * @param size its size in bytes
 * @param sha256 its SHA-256 digest
 */
public record ExtractedEntry(String name, Path file, long size, byte[] sha256) {
    public ExtractedEntry {
        sha256 = sha256.clone();
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }
}
