package eu.lexbridge.app.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.Base64;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where payload bytes are kept: on disk ({@code lexbridge.connector.payload-directory}, a shared volume for replicas),
 * or in an S3-compatible object store that every replica reaches.
 *
 * @param type {@code disk} (the default) or {@code s3}
 * @param s3 the object store, with {@code type: s3}
 */
@Validated
@ConfigurationProperties("lexbridge.payload-store")
public record PayloadStoreProperties(
        @NotNull @DefaultValue("disk") Type type,
        @NotNull @Valid @DefaultValue S3 s3) {

    /** Where payloads are kept. */
    public enum Type {
        DISK, S3
    }

    @AssertTrue(message = "s3.bucket is required with type s3")
    boolean isBucketSetForS3() {
        return type != Type.S3 || s3 == null || (s3.bucket() != null && !s3.bucket().isBlank());
    }

    @AssertTrue(message = "s3.encryption-key is required with type s3: 32 random bytes in Base64 "
            + "(openssl rand -base64 32), kept apart from the bucket")
    boolean isEncryptionKeySetForS3() {
        return type != Type.S3 || s3 == null || s3.encryptionKey() != null;
    }

    /**
     * An S3-compatible object store (AWS S3, MinIO, Ceph RGW, ...). The connector encrypts each payload before it
     * leaves (AES-256-GCM), with a key the store never sees; objects are named {@code payloads/<payload id>}.
     *
     * @param endpoint the store's URL, e.g. {@code https://minio.example:9000}; unset for AWS S3 itself
     * @param region the region requests are signed for (S3-compatible stores mostly accept any)
     * @param bucket the bucket, created beforehand; checked at start (missing, refused, unreachable stop the start)
     * @param pathStyle {@code https://host/bucket/key} rather than {@code https://bucket.host/key}: what most
     *     S3-compatible stores expect; AWS S3 takes either
     * @param accessKey the access key id; with {@code secret-key}. Unset, the AWS SDK's default chain applies: the
     *     {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY} environment variables, a credentials file
     *     ({@code AWS_SHARED_CREDENTIALS_FILE}), a Kubernetes service account's web identity, an instance role
     * @param secretKey the secret access key; from an environment variable or a Secret, never in a file of the
     *     configuration. Never logged
     * @param encryptionKey the key payloads are encrypted with: 32 bytes in Base64 ({@code openssl rand -base64 32});
     *     required with {@code type: s3}. Keep it apart from the bucket and its backups: a changed key makes every
     *     stored payload unreadable (PAYLOAD_INTEGRITY)
     * @param partSize the size of each part of a multipart upload: memory per payload being written; at least 5MB
     *     (S3's smallest part), at most 512MB. A payload up to this size is one plain upload
     */
    public record S3(
            URI endpoint,
            @NotBlank @DefaultValue("us-east-1") String region,
            String bucket,
            @DefaultValue("false") boolean pathStyle,
            String accessKey,
            String secretKey,
            String encryptionKey,
            @NotNull @DefaultValue("8MB") DataSize partSize) {

        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", pathStyle=" + pathStyle
                    + ", partSize=" + partSize + "]";
        }

        /** The key's bytes. */
        public byte[] encryptionKeyBytes() {
            return Base64.getDecoder().decode(encryptionKey.strip());
        }

        // not named after the key: a failed check must not print the value
        @AssertTrue(message = "encryption-key must be 32 bytes in Base64 (openssl rand -base64 32)")
        boolean isEncryptionKeyOf32Bytes() {
            if (encryptionKey == null) {
                return true;
            }
            try {
                return encryptionKeyBytes().length == 32;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        @AssertTrue(message = "access-key and secret-key go together: set both, or neither for the AWS default chain")
        boolean isAccessKeyWithSecretKey() {
            return (accessKey == null) == (secretKey == null);
        }

        @AssertTrue(message = "part-size must be between 5MB and 512MB")
        boolean isPartSize() {
            return partSize == null
                    || partSize.toBytes() >= 5L * 1024 * 1024 && partSize.toBytes() <= 512L * 1024 * 1024;
        }
    }
}
