package eu.lexbridge.persistence;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.message.VerifiedPayloadStream;
import eu.lexbridge.core.port.PayloadStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Payloads as objects in an S3-compatible bucket, shared by every replica. Bytes are encrypted by the connector
 * ({@link PayloadCipher}) before they leave it; the object store never holds the key. A payload streams through in
 * parts of a fixed size (a multipart upload), so memory is one part per write at any payload size; a payload that fits
 * in one part is one plain upload. The object appears only when the upload completes, so a reader never sees half a
 * payload; any failure, a refusal past the size limit among them, aborts the upload and leaves nothing.
 *
 * <p>Object keys are {@code payloads/<payload id>}: no name, no party, nothing personal.
 */
public final class S3PayloadStore implements PayloadStore {

    /** S3 refuses parts under 5 MiB, but the last. */
    public static final int MIN_PART_SIZE = 5 * 1024 * 1024;
    private static final String PREFIX = "payloads/";

    private final S3Client s3;
    private final String bucket;
    private final PayloadCipher cipher;
    private final int partSize;

    public S3PayloadStore(S3Client s3, String bucket, PayloadCipher cipher, int partSize) {
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("an S3 part is at least " + MIN_PART_SIZE + " bytes");
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.cipher = cipher;
        this.partSize = partSize;
    }

    /** The object key of a payload; for operators and tests that look into the bucket. */
    public static String objectKey(String payloadId) {
        UUID.fromString(payloadId); // ids are ours; refuse anything else before it reaches the bucket
        return PREFIX + payloadId;
    }

    @Override
    public PayloadRef write(PayloadKind kind, String name, String mimeType, InputStream content, long maxBytes) {
        String id = UUID.randomUUID().toString();
        MessageDigest sha256 = sha256();
        Upload upload = new Upload(objectKey(id));
        try {
            // closed only when the source ended well: closing writes the last segment, which a failure must not send
            OutputStream out = cipher.encrypting(upload, id);
            long size = PayloadCopy.copy(content, out, sha256, maxBytes);
            out.close();
            upload.complete();
            return new PayloadRef(id, kind, name, mimeType, size, HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException e) {
            upload.abort();
            throw new UncheckedIOException("cannot store a payload", e);
        } catch (SdkException e) {
            upload.abort();
            throw new UncheckedIOException("cannot store a payload in bucket " + bucket,
                    new IOException(e.getMessage(), e));
        } catch (RuntimeException | Error e) {
            upload.abort();
            throw e;
        }
    }

    @Override
    public InputStream open(PayloadRef ref) {
        InputStream object;
        try {
            object = s3.getObject(b -> b.bucket(bucket).key(objectKey(ref.payloadId())));
        } catch (NoSuchKeyException e) {
            throw new ConnectorException(ErrorCode.PAYLOAD_INTEGRITY, null,
                    "payload " + ref.payloadId() + " is missing from the store", e);
        } catch (SdkException e) {
            throw new UncheckedIOException("cannot open payload " + ref.payloadId(), new IOException(e.getMessage(), e));
        }
        try {
            return new VerifiedPayloadStream(cipher.decrypting(object, ref.payloadId()), ref);
        } catch (IOException | RuntimeException e) {
            try {
                object.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot open payload " + ref.payloadId(), io);
            }
            throw (RuntimeException) e;
        }
    }

    /** S3 answers a delete of a missing key with success: deleting twice is no error. */
    @Override
    public void delete(PayloadRef ref) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(objectKey(ref.payloadId())));
        } catch (SdkException e) {
            throw new UncheckedIOException("cannot delete payload " + ref.payloadId(),
                    new IOException(e.getMessage(), e));
        }
    }

    /**
     * Whether the bucket can be used, asked once at start: its absence, a refusal and an unreachable endpoint each
     * stop the start with their own sentence rather than fail the first message.
     */
    public void checkBucket() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            throw new UnusableBucket(bucket, e.statusCode() == 404 ? UnusableBucket.Problem.MISSING
                    : e.statusCode() == 403 || e.statusCode() == 401 ? UnusableBucket.Problem.REFUSED
                    : UnusableBucket.Problem.OTHER, e);
        } catch (SdkException e) {
            throw new UnusableBucket(bucket, UnusableBucket.Problem.UNREACHABLE, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The encrypted bytes of one payload on their way to the bucket, a part at a time. Until a part is full nothing is
     * sent: a payload smaller than a part is one upload at {@link #complete()}, without a multipart upload to abort.
     */
    private final class Upload extends OutputStream {
        private final String key;
        /** Grows to a part as bytes come: most payloads (evidences, tokens) are a few kilobytes. */
        private byte[] part = new byte[Math.min(partSize, PayloadCopy.BUFFER)];
        private final List<CompletedPart> parts = new ArrayList<>();
        private int filled;
        private String uploadId;

        Upload(String key) {
            this.key = key;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            while (len > 0) {
                if (filled == part.length && part.length < partSize) {
                    part = Arrays.copyOf(part, (int) Math.min(partSize, 2L * part.length));
                } else if (filled == part.length) {
                    sendPart(); // only when more follows: the last part goes in complete()
                }
                int n = Math.min(len, part.length - filled);
                System.arraycopy(b, off, part, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        private void sendPart() {
            if (uploadId == null) {
                uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
            }
            int number = parts.size() + 1;
            String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                            .contentLength((long) filled),
                    RequestBody.fromInputStream(new ByteArrayInputStream(part, 0, filled), filled)).eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            filled = 0;
        }

        void complete() {
            if (uploadId == null) {
                s3.putObject(b -> b.bucket(bucket).key(key).contentLength((long) filled),
                        RequestBody.fromInputStream(new ByteArrayInputStream(part, 0, filled), filled));
                return;
            }
            if (filled > 0) {
                sendPart();
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
            uploadId = null;
        }

        /** Nothing half-stored: the parts sent so far are dropped with the upload. */
        void abort() {
            if (uploadId != null) {
                try {
                    s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
                } catch (SdkException e) {
                    // the bucket's lifecycle rule for incomplete uploads removes it later (operations.md)
                }
                uploadId = null;
            }
        }
    }
}
