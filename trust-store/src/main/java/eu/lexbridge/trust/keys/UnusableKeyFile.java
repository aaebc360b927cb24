package eu.lexbridge.trust.keys;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A key or certificate file the connector cannot use, and why: what a start-up failure names, with the setting that
 * points at the file, in one sentence.
 */
public final class UnusableKeyFile extends IllegalArgumentException {

    /** Why the file cannot be used; each says what the operator checks. */
    public enum Problem {
        MISSING("does not exist or is not a file"),
        UNREADABLE("is not readable by the connector's user"),
        WRONG_PASSWORD("the password is wrong"),
        NOT_PKCS12("it is not a readable PKCS#12 file"),
        OTHER("it cannot be used");

        private final String sentence;

        Problem(String sentence) {
            this.sentence = sentence;
        }

        public String sentence() {
            return sentence;
        }
    }

    private final transient Path file;
    private final Problem problem;

    UnusableKeyFile(String message, Path file, Problem problem, Throwable cause) {
        super(message, cause);
        this.file = Objects.requireNonNull(file, "file");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Path file() {
        return file;
    }

    public Problem problem() {
        return problem;
    }
}
