package eu.lexbridge.backend.jms;

import eu.lexbridge.core.authority.RecipientQuery;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.flow.PayloadUpload;
import eu.lexbridge.core.flow.Submission;
import eu.lexbridge.core.flow.SubmissionRequest;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A submit message read as the core's submission. The ZIP body is spooled to a file first, in bounded chunks and up to
 * {@code max-message-size}: the core needs every part's name before it stores the first, which a ZIP stream gives
 * only at its end; from the file each part is then streamed out of the archive into the payload store. Closing
 * deletes the file.
 */
final class SpooledSubmission implements AutoCloseable {

    private static final int CHUNK = 64 * 1024;

    private final Path file;
    private final ZipFile zip;
    private final SubmissionRequest request;

    private SpooledSubmission(Path file, ZipFile zip, SubmissionRequest request) {
        this.file = file;
        this.zip = zip;
        this.request = request;
    }

    SubmissionRequest request() {
        return request;
    }

    /**
     * @throws ConnectorException for a body that is not a ZIP of the documented parts, or is too large; nothing is
     *     left behind
     */
    static SpooledSubmission read(String backend, Message message, Path spoolDirectory, long maxBytes)
            throws JMSException {
        if (!(message instanceof BytesMessage body)) {
            throw new ConnectorException(ErrorCode.MALFORMED_REQUEST, null,
                    "a submission is a BytesMessage whose body is a ZIP archive of its parts");
        }
        if (body.getBodyLength() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        Path file = null;
        ZipFile zip = null;
        try {
            file = spoolDirectory == null ? Files.createTempFile("lexbridge-jms-", ".zip")
                    : Files.createTempFile(Files.createDirectories(spoolDirectory), "lexbridge-jms-", ".zip");
            spool(body, file, maxBytes);
            try {
                zip = new ZipFile(file.toFile());
            } catch (ZipException e) {
                throw new ConnectorException(ErrorCode.MALFORMED_REQUEST, null,
                        "the body of a submission must be a ZIP archive of its parts");
            }
            SpooledSubmission read = new SpooledSubmission(file, zip, request(backend, message, zip));
            file = null;
            zip = null;
            return read;
        } catch (IOException e) {
            throw new ConnectorException(ErrorCode.MALFORMED_REQUEST, null, "the body could not be read", e);
        } finally {
            close(zip, file);
        }
    }

    private static void spool(BytesMessage body, Path file, long maxBytes) throws JMSException, IOException {
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n; (n = body.readBytes(chunk)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                out.write(chunk, 0, n);
            }
        }
    }

    private static SubmissionRequest request(String backend, Message message, ZipFile zip) throws JMSException {
        PayloadUpload content = null;
        PayloadUpload document = null;
        PayloadUpload signature = null;
        List<PayloadUpload> attachments = new ArrayList<>();
        int parts = 0;
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            ZipEntry entry = entries.nextElement();
            if (entry.isDirectory()) {
                continue;
            }
            // Checked before anything is opened: a body of countless tiny parts is refused at once.
            if (++parts > Submission.MAX_ATTACHMENTS + 3) {
                throw Submission.tooManyAttachments(parts, Submission.MAX_ATTACHMENTS);
            }
            int slash = entry.getName().indexOf('/');
            String folder = slash < 0 ? entry.getName() : entry.getName().substring(0, slash);
            String name = slash < 0 ? null : entry.getName().substring(slash + 1);
            PayloadUpload upload = new PayloadUpload(name, entry.getComment(), () -> zip.getInputStream(entry));
            switch (folder) {
                case WireFormat.BUSINESS_CONTENT -> content = once(content, upload, folder);
                case WireFormat.BUSINESS_DOCUMENT -> document = once(document, upload, folder);
                case WireFormat.DETACHED_SIGNATURE -> signature = once(signature, upload, folder);
                case WireFormat.ATTACHMENTS -> attachments.add(upload);
                default -> throw new ConnectorException(ErrorCode.INVALID_FIELD, "body",
                        "the body has a part outside the folders " + String.join(", ", WireFormat.PART_FOLDERS));
            }
        }
        String recipient = message.getStringProperty(WireFormat.RECIPIENT);
        RecipientQuery query;
        try {
            query = recipient == null ? null : RecipientQuery.fromQueryString(recipient);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, WireFormat.RECIPIENT, "recipient: "
                    + e.getMessage());
        }
        return new SubmissionRequest(backend, message.getStringProperty(WireFormat.BACKEND_MESSAGE_ID),
                message.getStringProperty(WireFormat.CONVERSATION_ID), message.getStringProperty(WireFormat.SERVICE),
                message.getStringProperty(WireFormat.ACTION), message.getStringProperty(WireFormat.TO_PARTY_ID),
                message.getStringProperty(WireFormat.ORIGINAL_SENDER),
                message.getStringProperty(WireFormat.FINAL_RECIPIENT), query, content, document, signature, attachments);
    }

    private static PayloadUpload once(PayloadUpload earlier, PayloadUpload upload, String folder) {
        if (earlier != null) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, folder, "the body has more than one " + folder);
        }
        return upload;
    }

    private static ConnectorException tooLarge(long maxBytes) {
        return new ConnectorException(ErrorCode.PAYLOAD_TOO_LARGE, "body",
                "the body is larger than the limit of " + maxBytes + " bytes");
    }

    @Override
    public void close() {
        close(zip, file);
    }

    private static void close(ZipFile zip, Path file) {
        try {
            if (zip != null) {
                zip.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
