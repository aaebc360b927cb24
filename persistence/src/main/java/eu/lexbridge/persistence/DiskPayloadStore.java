package eu.lexbridge.persistence;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.message.VerifiedPayloadStream;
import eu.lexbridge.core.port.PayloadStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Payloads as files under one directory. A payload is written to a temporary file and moved into place only when it
 * is complete, so a reader never sees half a payload; its SHA-256 is computed on the way in and checked on the way out.
 */
public final class DiskPayloadStore implements PayloadStore {


    private final Path root;

    public DiskPayloadStore(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root.resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the payload directory " + root, e);
        }
    }

    @Override
    public PayloadRef write(PayloadKind kind, String name, String mimeType, InputStream content, long maxBytes) {
        String id = UUID.randomUUID().toString();
        Path temp = root.resolve("tmp").resolve(id);
        MessageDigest sha256 = sha256();
        long size;
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                size = PayloadCopy.copy(content, out, sha256, maxBytes);
            }
            Path target = path(id);
            Files.createDirectories(target.getParent());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return new PayloadRef(id, kind, name, mimeType, size, HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a payload", e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a leftover temporary file holds no reference and is harmless
            }
        }
    }

    @Override
    public InputStream open(PayloadRef ref) {
        try {
            return new VerifiedPayloadStream(Files.newInputStream(path(ref.payloadId())), ref);
        } catch (NoSuchFileException e) {
            throw new ConnectorException(ErrorCode.PAYLOAD_INTEGRITY, null,
                    "payload " + ref.payloadId() + " is missing from the store", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open payload " + ref.payloadId(), e);
        }
    }

    @Override
    public void delete(PayloadRef ref) {
        try {
            Files.deleteIfExists(path(ref.payloadId()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete payload " + ref.payloadId(), e);
        }
    }

    /** Two levels of fan-out keep directories small with millions of payloads. */
    private Path path(String id) {
        UUID.fromString(id); // ids are ours; refuse anything else before it touches the file system
        return root.resolve(id.substring(0, 2)).resolve(id.substring(2, 4)).resolve(id);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
