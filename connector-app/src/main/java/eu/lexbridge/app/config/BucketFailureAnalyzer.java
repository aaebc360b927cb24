package eu.lexbridge.app.config;

import eu.lexbridge.persistence.UnusableBucket;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A payload bucket the connector cannot use, as a start-up report of two sentences naming the setting, instead of the
 * AWS SDK's exception nested in the bean creation's.
 */
public final class BucketFailureAnalyzer extends AbstractFailureAnalyzer<UnusableBucket> {

    @Override
    protected FailureAnalysis analyze(Throwable root, UnusableBucket cause) {
        String description = "lexbridge.payload-store.s3.bucket (" + cause.bucket() + "): "
                + cause.problem().sentence() + ".";
        String action = switch (cause.problem()) {
            case MISSING -> "Create the bucket, or correct lexbridge.payload-store.s3.bucket (and endpoint and "
                    + "path-style).";
            case REFUSED -> "Check lexbridge.payload-store.s3.access-key and secret-key (or the AWS credentials the "
                    + "connector finds), and that they may read, write and delete objects in the bucket.";
            case UNREACHABLE -> "Check lexbridge.payload-store.s3.endpoint and that the connector reaches it.";
            case OTHER -> "Check the object store's log; the cause is below.";
        };
        return new FailureAnalysis(description, action, cause);
    }
}
