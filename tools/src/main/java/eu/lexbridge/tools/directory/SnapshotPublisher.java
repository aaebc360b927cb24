package eu.lexbridge.tools.directory;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.lexbridge.directory.authority.Snapshot;
import eu.lexbridge.directory.authority.SnapshotArchive;
import eu.lexbridge.directory.authority.SnapshotReader;
import eu.lexbridge.trust.container.DetachedSeal;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.signature.XmlSealer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;

/**
 * What a directory's publisher does: checks a snapshot's JSON as every connector will, then seals it into the signed
 * snapshot file (ASiC-S) connectors take.
 */
public final class SnapshotPublisher {

    private SnapshotPublisher() {
    }

    /**
     * @throws eu.lexbridge.directory.authority.SnapshotRefusedException when the JSON does not hold: nothing is sealed
     */
    public static Signed seal(byte[] json, SealKey key, Clock clock) {
        Snapshot snapshot = new SnapshotReader().read(new ByteArrayInputStream(json));
        byte[] sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256").digest(json);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        byte[] signatures = DetachedSeal.seal(new XmlSealer(key, DigestAlgorithm.SHA256, clock),
                SnapshotArchive.JSON, sha256);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try {
            SnapshotArchive.write(json, signatures, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Signed(snapshot, file.toByteArray());
    }

    /** @param file the signed snapshot file's bytes */
    public record Signed(Snapshot snapshot, byte[] file) {
    }
}
