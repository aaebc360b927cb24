package eu.lexbridge.trust.container;

import java.nio.file.Path;
import java.util.List;

/**
 * A container that {@link EcodexContainerReader} opened.
 *
 * @param verification the signature's integrity and trust
 * @param directory where the entries of SignedContent.zip are, or {@code null} when nothing was extracted (the
 *     signature is not intact or not trusted, or no target was given)
 * @param entries the extracted files, in the order of SignedContent.zip; empty when nothing was extracted
 */
public record OpenedContainer(ContainerVerification verification, Path directory, List<ExtractedEntry> entries) {
    public OpenedContainer {
        entries = List.copyOf(entries);
    }

    public boolean extracted() {
        return directory != null;
    }
}
