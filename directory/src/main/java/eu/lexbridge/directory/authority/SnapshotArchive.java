package eu.lexbridge.directory.authority;

import eu.lexbridge.core.port.SignatureVerifier;
import eu.lexbridge.directory.BoundedInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A signed directory snapshot file: an ASiC-S container (ETSI EN 319 162-1) holding {@code mimetype},
 * {@code directory.json} and {@code META-INF/signatures.xml}, a detached XAdES seal over the JSON's SHA-256. One
 * file carries the data, its checksum and its seal, and any ASiC validator (DSS, the EU's DSS demonstration) can
 * check it.
 *
 * <p>Opening checks the layout (those three entries and no other), the sizes before reading, the seal through
 * {@link SignatureVerifier}, then reads the JSON and checks that it is the JSON the seal covers.
 */
public final class SnapshotArchive {

    public static final String MIME_TYPE = "application/vnd.etsi.asic-s+zip";
    public static final String JSON = "directory.json";
    static final String MIMETYPE = "mimetype";
    static final String SIGNATURES = "META-INF/signatures.xml";
    /** A seal is a few kilobytes. */
    private static final long MAX_SIGNATURES_BYTES = 1024 * 1024;

    private SnapshotArchive() {
    }

    /**
     * @param maxJsonBytes the largest snapshot JSON taken
     * @throws SnapshotRefusedException when the file is not a snapshot, too large, not sealed by a trusted publisher,
     *     or its JSON does not hold
     */
    public static Snapshot open(Path file, SignatureVerifier seals, long maxJsonBytes) {
        Objects.requireNonNull(seals, "seals");
        try (ZipFile zip = new ZipFile(file.toFile())) {
            checkLayout(zip);
            byte[] signatures = read(zip, SIGNATURES, MAX_SIGNATURES_BYTES);
            byte[] sha256 = digest(zip, maxJsonBytes);
            SignatureVerifier.Verdict verdict = seals.verifyDetached(signatures, JSON, sha256);
            if (!verdict.valid()) {
                throw new SnapshotRefusedException("the snapshot's seal is not accepted: "
                        + String.join("; ", verdict.problems()));
            }
            Snapshot snapshot;
            try (InputStream json = bounded(zip, JSON, maxJsonBytes)) {
                snapshot = new SnapshotReader().read(json);
            }
            if (!snapshot.sha256().equals(HexFormat.of().formatHex(sha256))) {
                throw new SnapshotRefusedException("the snapshot changed while it was read");
            }
            return snapshot;
        } catch (java.util.zip.ZipException e) {
            throw new SnapshotRefusedException("the snapshot file is not a ZIP (ASiC-S) container: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SnapshotRefusedException("the snapshot file cannot be read: " + e.getMessage(), e);
        }
    }

    /** Writes the container: {@code mimetype} first and stored, as ASiC requires, then the JSON and the seal. */
    public static void write(byte[] json, byte[] signatures, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        byte[] mimeType = MIME_TYPE.getBytes(StandardCharsets.US_ASCII);
        ZipEntry first = new ZipEntry(MIMETYPE);
        first.setMethod(ZipEntry.STORED);
        first.setSize(mimeType.length);
        CRC32 crc = new CRC32();
        crc.update(mimeType);
        first.setCrc(crc.getValue());
        zip.putNextEntry(first);
        zip.write(mimeType);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(JSON));
        zip.write(json);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(SIGNATURES));
        zip.write(signatures);
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    private static void checkLayout(ZipFile zip) throws IOException {
        List<String> names = new ArrayList<>();
        zip.stream().forEach(entry -> names.add(entry.getName()));
        if (!names.equals(List.of(MIMETYPE, JSON, SIGNATURES))) {
            throw new SnapshotRefusedException("the snapshot file holds " + names.stream().limit(10).toList()
                    + ", not exactly " + List.of(MIMETYPE, JSON, SIGNATURES) + " in that order");
        }
        String mimeType = new String(read(zip, MIMETYPE, 100), StandardCharsets.US_ASCII);
        if (!MIME_TYPE.equals(mimeType)) {
            throw new SnapshotRefusedException("the snapshot file's mimetype is not " + MIME_TYPE);
        }
    }

    private static byte[] read(ZipFile zip, String name, long max) throws IOException {
        try (InputStream in = bounded(zip, name, max)) {
            return in.readAllBytes();
        }
    }

    private static byte[] digest(ZipFile zip, long max) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = bounded(zip, JSON, max)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                sha256.update(buffer, 0, n);
            }
        }
        return sha256.digest();
    }

    /** The entry's bytes, refused once past {@code max} whatever its header claims. */
    private static InputStream bounded(ZipFile zip, String name, long max) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry.getSize() > max) {
            throw new SnapshotRefusedException(name + " is " + entry.getSize() + " bytes, more than the " + max
                    + " allowed");
        }
        return new BoundedInput(zip.getInputStream(entry), max, () -> new SnapshotRefusedException(name
                + " is more than the " + max + " bytes allowed"));
    }
}
