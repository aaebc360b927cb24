package eu.lexbridge.trust.evidence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the interoperability vectors of the official connector (the shared {@code interop} folder beside the
 * repository) by walking up from the working directory, so tests run from the module or from the repository root.
 */
public final class InteropVectors {

    public static final String ABSENT = "The official connector's interop vectors (shared/interop) are not beside the "
            + "repository; this interoperability check cannot run here";

    private InteropVectors() {
    }

    public static Optional<Path> find(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/interop").resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static Optional<Path> officialSubmissionAcceptance() {
        return find("official-connector-msg1/SUBMISSION_ACCEPTANCE.xml");
    }
}
