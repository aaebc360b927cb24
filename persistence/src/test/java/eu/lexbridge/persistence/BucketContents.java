package eu.lexbridge.persistence;

import software.amazon.awssdk.services.s3.S3Client;

/** What a bucket holds, counted by the object store itself. */
final class BucketContents {

    private BucketContents() {
    }

    static long objects(S3Client s3, String bucket) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().count();
    }

    static long openUploads(S3Client s3, String bucket) {
        return s3.listMultipartUploads(b -> b.bucket(bucket)).uploads().size();
    }
}
