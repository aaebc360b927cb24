package eu.lexbridge.persistence;

import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.core.testkit.PayloadStoreContract;
import eu.lexbridge.persistence.s3server.S3Server;
import java.security.SecureRandom;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.services.s3.S3Client;

/** The payload-store contract on the S3 store, against a real S3-compatible server, in a new bucket for each test. */
class S3PayloadStoreContractTest extends PayloadStoreContract {

    private S3Client s3;
    private String bucket;

    @Override
    protected PayloadStore store() {
        S3Server server = S3Server.get();
        s3 = server.client();
        bucket = server.newBucket();
        byte[] key = new byte[PayloadCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return new S3PayloadStore(s3, bucket, new PayloadCipher(key), S3PayloadStore.MIN_PART_SIZE);
    }

    /** Objects, and multipart uploads begun but neither completed nor aborted. */
    @Override
    protected long payloadsHeld() {
        return BucketContents.objects(s3, bucket) + BucketContents.openUploads(s3, bucket);
    }

    @AfterEach
    void closeClient() {
        if (s3 != null) {
            s3.close();
        }
    }
}
