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
 * @param notices the container's format deviations, read all the same ({@link ContainerNotice}), in the order found;
 *     empty for a container as EN 319 162-1 asks it to be written
 */
public record OpenedContainer(ContainerVerification verification, Path directory, List<ExtractedEntry> entries,
                              List<ContainerNotice> notices) {
    public OpenedContainer {
        entries = List.copyOf(entries);
        notices = List.copyOf(notices);
    }

    /** A container without format deviations. */
    public OpenedContainer(ContainerVerification verification, Path directory, List<ExtractedEntry> entries) {
        this(verification, directory, entries, List.of());
    }

    public boolean extracted() {
        return directory != null;
    }
}
