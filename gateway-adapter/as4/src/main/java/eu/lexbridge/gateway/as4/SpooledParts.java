package eu.lexbridge.gateway.as4;

import com.helger.mime.IMimeType;
import com.helger.mime.parse.MimeTypeParser;
import com.helger.phase4.attachment.AS4OutgoingAttachment;
import com.helger.phase4.attachment.EAS4CompressionMode;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.core.transport.EcodexWire;
import eu.lexbridge.core.transport.OutgoingPart;
import java.io.IOException;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The outgoing parts as phase4 attachments. phase4 4.4.1 takes attachment data only as a {@code File} or a
 * {@code byte[]}, so each payload is streamed from the payload store into a temporary file (never into the heap) and
 * deleted when the send is over. A compressible part is gzipped on the way into its file, as phase4 would gzip it
 * (into a second file); {@link FileBackedUserMessageBuilder} reads the files and marks those parts compressed.
 */
final class SpooledParts implements AutoCloseable {

    private final List<Path> files = new ArrayList<>();
    private final Set<Path> gzipped = new HashSet<>();
    private final List<AS4OutgoingAttachment> attachments = new ArrayList<>();

    private SpooledParts() {
    }

    /**
     * @throws ConnectorException from the payload store (e.g. PAYLOAD_INTEGRITY), or INVALID_FIELD for a bad MIME type
     * @throws UncheckedIOException when the spool directory cannot be written
     */
    static SpooledParts spool(List<OutgoingPart> parts, PayloadStore payloads, Path spoolDirectory) {
        SpooledParts spooled = new SpooledParts();
        try {
            Files.createDirectories(spoolDirectory);
            for (OutgoingPart part : parts) {
                spooled.add(part, payloads, spoolDirectory);
            }
            return spooled;
        } catch (IOException e) {
            spooled.close();
            throw new UncheckedIOException("cannot spool an outgoing payload to " + spoolDirectory, e);
        } catch (RuntimeException e) {
            spooled.close();
            throw e;
        }
    }

    List<AS4OutgoingAttachment> attachments() {
        return List.copyOf(attachments);
    }

    /** Whether the spool file holds its part gzipped (ebMS3 CompressionType application/gzip). */
    boolean gzipped(Path file) {
        return gzipped.contains(file);
    }

    private void add(OutgoingPart part, PayloadStore payloads, Path spoolDirectory) throws IOException {
        IMimeType mimeType = MimeTypeParser.safeParseMimeType(EcodexWire.wireMimeType(part.description(),
                part.mimeType()));
        if (mimeType == null) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, "mimeType",
                    "part '" + part.description() + "' has an invalid MIME type");
        }
        Path file = Files.createTempFile(spoolDirectory, "out-", ".part");
        files.add(file);
        boolean compress = CompressibleMimeTypes.isCompressible(part.mimeType());
        // Reading to the end makes the store verify the payload's SHA-256.
        try (InputStream in = payloads.open(part.payload());
             OutputStream out = compress
                     ? EAS4CompressionMode.GZIP.getCompressStream(new BufferedOutputStream(Files.newOutputStream(file)))
                     : Files.newOutputStream(file)) {
            in.transferTo(out);
        }
        if (compress) {
            gzipped.add(file);
        }
        attachments.add(AS4OutgoingAttachment.builder()
                .data(file.toFile())
                .contentID(EcodexWire.CONTENT_ID_PREFIX + UUID.randomUUID())
                .mimeType(mimeType)
                .addCustomProperty(EcodexWire.PART_NAME, part.payload().name())
                .addCustomProperty(EcodexWire.PART_DESCRIPTION, part.description())
                .build());
    }

    @Override
    public void close() {
        SpooledRequest.deleteSpooled(files, "payload");
        gzipped.clear();
    }
}
