package eu.lexbridge.trust.container;

import eu.lexbridge.core.message.PartName;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One file that goes into {@code SignedContent.zip}: its entry name, its MIME type and where its bytes come from. The
 * bytes are read once, as a stream, while the container is written.
 *
 * @param name the entry name inside SignedContent.zip: a file name {@link PartName} allows
 * @param mimeType the MIME type, e.g. {@code application/pdf}
 * @param source opens the bytes
 */
public record ContainerPart(String name, String mimeType, Source source) {

    /** Opens the bytes of a part, anew at each call: the builder may read a part more than once. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    public ContainerPart {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(source, "source");
        String problem = PartName.problem(name);
        if (problem != null) {
            throw new IllegalArgumentException("'" + name + "' is not a usable file name in the container: "
                    + problem);
        }
    }

    public static ContainerPart ofPath(String name, String mimeType, Path file) {
        Objects.requireNonNull(file, "file");
        return new ContainerPart(name, mimeType, () -> Files.newInputStream(file));
    }

    public static ContainerPart ofBytes(String name, String mimeType, byte[] bytes) {
        byte[] copy = bytes.clone();
        return new ContainerPart(name, mimeType, () -> new ByteArrayInputStream(copy));
    }
}
