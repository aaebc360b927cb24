package eu.lexbridge.persistence;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * How to reach an S3-compatible object store.
 *
 * @param endpoint the store's URL; {@code null} for AWS itself (the region's endpoint)
 * @param region the region the requests are signed for
 * @param pathStyle {@code http://host/bucket/key} rather than {@code http://bucket.host/key}: what most S3-compatible
 *     servers (MinIO, Ceph, S3Mock) expect
 * @param accessKey with {@code secretKey}, the credentials; both {@code null} for the SDK's default chain (the
 *     {@code AWS_*} environment variables, {@code AWS_SHARED_CREDENTIALS_FILE}, a Kubernetes service account's web
 *     identity, an instance role)
 * @param secretKey see {@code accessKey}; never logged
 */
public record ObjectStoreAccess(URI endpoint, String region, boolean pathStyle, String accessKey, String secretKey) {

    @Override
    public String toString() {
        return "ObjectStoreAccess[endpoint=" + endpoint + ", region=" + region + ", pathStyle=" + pathStyle + "]";
    }

    /**
     * A client over the JDK's HTTP connection. Checksums only where S3 requires them: the payload's SHA-256 and the
     * encryption's tags check the bytes end to end, and several S3-compatible servers refuse the newer checksum headers.
     */
    public S3Client client() {
        var builder = S3Client.builder()
                .region(Region.of(region))
                .forcePathStyle(pathStyle)
                .credentialsProvider(credentials())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    private AwsCredentialsProvider credentials() {
        if (accessKey == null && secretKey == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }
}
