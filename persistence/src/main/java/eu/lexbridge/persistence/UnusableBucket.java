package eu.lexbridge.persistence;

/** The payload bucket cannot be used: found at start, so that the connector does not start to fail its messages. */
public final class UnusableBucket extends IllegalStateException {

    /** What is wrong, each with the sentence an operator reads. */
    public enum Problem {
        MISSING("the bucket does not exist"),
        REFUSED("the object store refused the credentials or their rights on the bucket"),
        UNREACHABLE("the object store cannot be reached"),
        OTHER("the object store answered with an error");

        private final String sentence;

        Problem(String sentence) {
            this.sentence = sentence;
        }

        public String sentence() {
            return sentence;
        }
    }

    private final String bucket;
    private final Problem problem;

    public UnusableBucket(String bucket, Problem problem, Throwable cause) {
        super("payload bucket " + bucket + ": " + problem.sentence(), cause);
        this.bucket = bucket;
        this.problem = problem;
    }

    public String bucket() {
        return bucket;
    }

    public Problem problem() {
        return problem;
    }
}
