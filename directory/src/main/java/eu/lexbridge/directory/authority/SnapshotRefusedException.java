package eu.lexbridge.directory.authority;

/**
 * A snapshot that is not taken: unreadable, not sealed by the publisher, not newer than the one in use, or a value in
 * it that does not hold. The message is one sentence naming where (e.g. {@code authorities[3].competences[0].area.
 * countries[1]}); the directory in use is unchanged.
 */
public final class SnapshotRefusedException extends RuntimeException {

    public SnapshotRefusedException(String message) {
        super(message);
    }

    public SnapshotRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
