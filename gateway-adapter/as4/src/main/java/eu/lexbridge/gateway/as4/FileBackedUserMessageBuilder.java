package eu.lexbridge.gateway.as4;

import com.helger.base.io.stream.HasInputStream;
import com.helger.phase4.attachment.AS4OutgoingAttachment;
import com.helger.phase4.attachment.EAS4CompressionMode;
import com.helger.phase4.attachment.WSS4JAttachment;
import com.helger.phase4.sender.AS4Sender;
import com.helger.phase4.util.AS4ResourceHelper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * phase4's user message builder with the attachments read from their spool files through {@link MarkableFileInput}.
 * phase4 4.4.1 reads an attachment file through its {@code NonBlockingBufferedInputStream}, which keeps everything
 * read after WSS4J's mark for the signature digest: a 200 MB payload took ~400 MB of heap, 1 GB ended in
 * {@code NegativeArraySizeException}. The attachment phase4 builds is kept (headers, Content-ID, part properties,
 * wire layout); only where its bytes come from changes. A compressible part arrives here already gzipped by
 * {@link SpooledParts} (phase4 would otherwise gzip it into one more file) and is marked compressed as phase4 would.
 */
final class FileBackedUserMessageBuilder extends AS4Sender.BuilderUserMessage {

    private final SpooledParts spooled;

    FileBackedUserMessageBuilder(SpooledParts spooled) {
        this.spooled = spooled;
    }

    @Override
    protected WSS4JAttachment createMainAttachment(AS4OutgoingAttachment attachment, AS4ResourceHelper resources)
            throws IOException {
        return fromFile(super.createMainAttachment(attachment, resources), attachment);
    }

    @Override
    protected WSS4JAttachment createOtherAttachment(AS4OutgoingAttachment attachment, AS4ResourceHelper resources,
                                                    int index) throws IOException {
        return fromFile(super.createOtherAttachment(attachment, resources, index), attachment);
    }

    private WSS4JAttachment fromFile(WSS4JAttachment built, AS4OutgoingAttachment attachment) {
        if (!attachment.hasDataFile() || attachment.getCompressionMode() != null) {
            // Not one of ours: phase4's own handling.
            return built;
        }
        Path file = attachment.getDataFile().toPath();
        if (spooled.gzipped(file)) {
            built.setCompressionMode(EAS4CompressionMode.GZIP);
        }
        built.setSourceStreamProvider(HasInputStream.multiple(() -> MarkableFileInput.open(file)));
        return built;
    }
}
