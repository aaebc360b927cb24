package eu.lexbridge.gateway.as4;

import com.helger.base.io.stream.HasInputStream;
import com.helger.phase4.attachment.IAS4IncomingAttachmentFactory;
import com.helger.phase4.attachment.WSS4JAttachment;
import com.helger.phase4.util.AS4ResourceHelper;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;

/**
 * Gives phase4 each attachment of a {@link SpooledRequest} as a stream over its spool file, in place of phase4's
 * default, which would copy the body it has just held in the heap. The part's headers are phase4's; its body is the
 * placeholder naming the file.
 */
final class SpooledAttachmentFactory implements IAS4IncomingAttachmentFactory {

    private static final int PLACEHOLDER_MAX = SpooledRequest.PLACEHOLDER.length() + 8;
    /** Content-Transfer-Encodings that leave the body as it is (RFC 2045 §6.2). */
    private static final Set<String> IDENTITY_ENCODINGS = Set.of("binary", "8bit", "7bit");

    private final SpooledRequest spooled;

    SpooledAttachmentFactory(SpooledRequest spooled) {
        this.spooled = spooled;
    }

    @Override
    public WSS4JAttachment createAttachment(MimeBodyPart bodyPart, AS4ResourceHelper resources)
            throws IOException, MessagingException {
        Path file = spooled.attachment(index(bodyPart));
        String transferEncoding = bodyPart.getEncoding();
        if (transferEncoding != null) {
            // Fails now, as phase4's MIME parsing would, rather than later inside a signature check.
            MimeUtility.decode(InputStream.nullInputStream(), transferEncoding);
        }
        WSS4JAttachment attachment = new WSS4JAttachment(resources, bodyPart.getContentType());
        String contentId = bodyPart.getContentID();
        attachment.setId(contentId == null ? null : trimAngles(contentId.trim()));
        // Read again from the file for every signature check, decryption and hand-off, decoded as the part declared.
        attachment.setSourceStreamProvider(HasInputStream.multiple(() -> decoded(file, transferEncoding)));
        Enumeration<Header> headers = bodyPart.getAllHeaders();
        while (headers.hasMoreElements()) {
            Header header = headers.nextElement();
            attachment.addHeader(header.getName(), header.getValue());
        }
        attachment.addHeader("Content-Description", WSS4JAttachment.CONTENT_DESCRIPTION_ATTACHMENT);
        attachment.addHeader("Content-ID", "<attachment=" + attachment.getId() + ">");
        attachment.addHeader("Content-Type", attachment.getMimeType());
        return attachment;
    }

    /** The part index from the placeholder our spool wrote in place of the body. */
    private static int index(MimeBodyPart bodyPart) throws IOException, MessagingException {
        byte[] body;
        try (InputStream raw = bodyPart.getRawInputStream()) {
            body = raw.readNBytes(PLACEHOLDER_MAX + 1);
        }
        String text = new String(body, StandardCharsets.ISO_8859_1);
        if (body.length > PLACEHOLDER_MAX || !text.startsWith(SpooledRequest.PLACEHOLDER)) {
            throw new IllegalStateException("an attachment did not come through the AS4 spool");
        }
        return Integer.parseInt(text.substring(SpooledRequest.PLACEHOLDER.length()));
    }

    private static InputStream decoded(Path file, String transferEncoding) {
        if (transferEncoding == null || IDENTITY_ENCODINGS.contains(transferEncoding.trim().toLowerCase(Locale.ROOT))) {
            // What AS4 senders use (phase4 writes "binary"): the file as it is, re-readable without a heap copy.
            return MarkableFileInput.open(file);
        }
        try {
            InputStream in = Files.newInputStream(file);
            return MimeUtility.decode(in, transferEncoding);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("Content-Transfer-Encoding checked in createAttachment", e);
        }
    }

    private static String trimAngles(String id) {
        return id.startsWith("<") && id.endsWith(">") && id.length() > 1 ? id.substring(1, id.length() - 1) : id;
    }
}
