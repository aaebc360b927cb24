package eu.lexbridge.gateway.as4;

import com.helger.mime.IMimeType;
import com.helger.mime.parse.MimeTypeParser;
import com.helger.web.multipart.MultipartStream;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.port.SecurityEvents;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An AS4 request read to disk from its first byte, before anything is parsed or verified: the SOAP envelope and each
 * attachment in a file of their own, the whole body and the envelope capped by {@link InboundLimits}. phase4 then reads
 * {@link #forPhase4()}: the same MIME structure, but each attachment's body replaced by a short reference to its file,
 * so phase4's MIME parser (which holds every part in the heap) only ever holds the envelope;
 * {@link SpooledAttachmentFactory} gives the attachments back as file-backed streams. Closing deletes the files.
 */
final class SpooledRequest implements AutoCloseable {

    /** The request attribute under which the servlet leaves this for the attachment factory. */
    static final String ATTRIBUTE = SpooledRequest.class.getName();
    /** What replaces an attachment's body in the stream phase4 reads; followed by the part's index. */
    static final String PLACEHOLDER = "lexbridge-spooled-part:";
    /** Far above any e-CODEX message (a handful of parts) and above what a signature may reference. */
    static final int MAX_PARTS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(SpooledRequest.class);
    private static final String MULTIPART_RELATED = "multipart/related";
    private static final List<String> PLAIN_SOAP = List.of("application/soap+xml", "text/xml");
    private static final byte[] CRLF = {'\r', '\n'};

    private record Part(String headers, Path file) {
    }

    private final String boundary;
    private final Path directory;
    private final List<Part> parts = new ArrayList<>();
    /** Every file written, also one whose part was cut off: close() deletes them all. */
    private final List<Path> files = new ArrayList<>();

    private SpooledRequest(String boundary, Path directory) {
        this.boundary = boundary;
        this.directory = directory;
    }

    /**
     * @throws RequestRefused when the request is over a limit, has no body, is no multipart/related or SOAP request,
     *                        or its envelope is no well-formed SOAP envelope; every file written is deleted again
     * @throws IOException when the spool directory cannot be written
     */
    static SpooledRequest read(HttpServletRequest request, InboundLimits limits, Path directory)
            throws RequestRefused, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limits.maxRequestBytes()) {
            throw tooLarge(limits.maxRequestBytes());
        }
        if (declared == 0) {
            throw badRequest("The request has no body.");
        }
        IMimeType contentType = request.getContentType() == null ? null
                : MimeTypeParser.safeParseMimeType(request.getContentType());
        if (contentType == null) {
            throw unsupported();
        }
        String plain = contentType.getCopyWithoutParameters().getAsString().toLowerCase(Locale.ROOT);
        String boundary = null;
        if (MULTIPART_RELATED.equals(plain)) {
            boundary = contentType.getParameterValueWithName("boundary");
            if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
                throw badRequest("The multipart/related request has no valid boundary parameter.");
            }
        } else if (!PLAIN_SOAP.contains(plain)) {
            throw unsupported();
        }

        Files.createDirectories(directory);
        SpooledRequest spooled = new SpooledRequest(boundary, directory);
        BoundedInput body = new BoundedInput(request.getInputStream(), limits.maxRequestBytes());
        try {
            if (boundary == null) {
                spooled.parts.add(new Part("", spooled.copy(body, limits.maxEnvelopeBytes(), directory)));
            } else {
                spooled.readParts(body, limits, directory);
            }
            EnvelopeCheck.check(spooled.parts.get(0).file());
            return spooled;
        } catch (RequestRefused e) {
            spooled.close();
            throw e;
        } catch (IOException e) {
            spooled.close();
            if (body.exceeded()) {
                throw tooLarge(limits.maxRequestBytes());
            }
            if (e instanceof EnvelopeTooLarge) {
                throw new RequestRefused(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                        SecurityEvents.Kind.UNSAFE_INPUT, "The SOAP envelope is larger than the "
                        + limits.maxEnvelopeBytes() + " bytes this access point accepts.");
            }
            if (e instanceof NoSpace) {
                throw (NoSpace) e;
            }
            // The MIME parser's own failures, or the caller hanging up mid-body.
            throw badRequest("The request is not a readable MIME multipart/related message.");
        } catch (RuntimeException | Error e) {
            spooled.close();
            throw e;
        }
    }

    private void readParts(InputStream body, InboundLimits limits, Path directory) throws IOException,
            RequestRefused {
        MultipartStream multipart = new MultipartStream(body, boundary.getBytes(StandardCharsets.ISO_8859_1), null);
        multipart.setHeaderEncoding(StandardCharsets.ISO_8859_1.name());
        boolean next = multipart.skipPreamble();
        if (!next) {
            throw badRequest("The request has no MIME part.");
        }
        while (next) {
            if (parts.size() == MAX_PARTS) {
                throw new RequestRefused(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                        SecurityEvents.Kind.UNSAFE_INPUT, "The request has more than " + MAX_PARTS + " MIME parts.");
            }
            String headers = multipart.readHeaders();
            long cap = parts.isEmpty() ? limits.maxEnvelopeBytes() : Long.MAX_VALUE;
            try (InputStream part = multipart.createInputStream()) {
                parts.add(new Part(headers, copy(part, cap, directory)));
            }
            next = multipart.readBoundary();
        }
    }

    /** Streams one part to a new file in the spool; the whole-request cap applies underneath. */
    private Path copy(InputStream in, long cap, Path directory) throws IOException {
        Path file;
        try {
            file = Files.createTempFile(directory, "in-", ".part");
        } catch (IOException e) {
            throw new NoSpace(e);
        }
        files.add(file);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > cap) {
                    throw new EnvelopeTooLarge();
                }
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    throw new NoSpace(e);
                }
            }
        }
        return file;
    }

    /** The request as phase4 reads it: the same MIME parts, each attachment's body a reference to its file. */
    InputStream forPhase4() {
        if (boundary == null) {
            return open(parts.get(0).file());
        }
        List<InputStream> pieces = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            pieces.add(bytes(i == 0 ? "--" + boundary + "\r\n" : "\r\n--" + boundary + "\r\n"));
            pieces.add(bytes(part.headers()));
            pieces.add(i == 0 ? open(part.file()) : bytes(PLACEHOLDER + i));
        }
        pieces.add(bytes("\r\n--" + boundary + "--\r\n"));
        return new SequenceInputStream(Collections.enumeration(pieces));
    }

    /** The spooled body of attachment {@code index} (1 for the first part after the envelope). */
    Path attachment(int index) {
        if (index < 1 || index >= parts.size()) {
            throw new IllegalArgumentException("no spooled attachment " + index);
        }
        return parts.get(index).file();
    }

    /**
     * A new empty file in this request's spool, deleted with the request's other files: for what is derived from a
     * part while the request is processed (its decrypted content).
     */
    Path newFile(String prefix) throws IOException {
        Path file = Files.createTempFile(directory, prefix, ".part");
        files.add(file);
        return file;
    }

    @Override
    public void close() {
        deleteSpooled(files, "AS4 part");
        parts.clear();
    }

    /** Deletes spooled files and forgets them; a file that cannot be deleted is logged, never thrown about. */
    static void deleteSpooled(List<Path> files, String what) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("cannot delete spooled {} {}: {}", what, file, LogSafe.of(e.getMessage()));
            }
        }
        files.clear();
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static RequestRefused tooLarge(long limit) {
        return new RequestRefused(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, SecurityEvents.Kind.UNSAFE_INPUT,
                "The request is larger than the " + limit + " bytes this access point accepts.");
    }

    private static RequestRefused badRequest(String sentence) {
        return new RequestRefused(HttpServletResponse.SC_BAD_REQUEST, SecurityEvents.Kind.UNSAFE_INPUT, sentence);
    }

    private static RequestRefused unsupported() {
        return new RequestRefused(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, SecurityEvents.Kind.UNSAFE_INPUT,
                "An AS4 request is multipart/related or application/soap+xml.");
    }

    /** The envelope part went over its own cap. */
    private static final class EnvelopeTooLarge extends IOException {
        EnvelopeTooLarge() {
            super("envelope over its limit", null);
        }
    }

    /** Our disk, not the caller, failed: not the caller's fault, so not a 4xx. */
    static final class NoSpace extends IOException {
        NoSpace(IOException cause) {
            super("cannot write the AS4 spool", cause);
        }
    }
}
