package eu.lexbridge.trust.container;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.model.DigestDocument;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.signature.PdfSealer;
import eu.lexbridge.trust.signature.XmlSealer;
import eu.lexbridge.trust.xml.SecureXmlInput;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds the e-CODEX container, wire-compatible with the official connector (ecodex-wire.md §5.1): an ASiC-S zip with
 * {@code mimetype} (stored, first), the single signed data object {@code SignedContent.zip} and its detached
 * XAdES-BASELINE-B signature {@code META-INF/signatures.xml}; SignedContent.zip holds the business document, its
 * detached signature, the attachments and {@code TrustOkToken.pdf}. The token XML is produced beside it.
 *
 * <p>Everything is streamed: SignedContent.zip goes to a temporary file while its SHA-256 digest and CRC are computed
 * on the way, DSS signs that digest ({@link DigestDocument}, it never sees the bytes), and the container is then
 * written by copying the temporary file. Memory does not grow with the payload size. Unlike the official connector
 * (in-memory {@code ByteArrayOutputStream}), there is no size limit beside the file system's and Zip64's.
 *
 * <p>Thread-safe: every call works on its own files and parameters.
 */
public final class EcodexContainerBuilder {

    /** Makes the token once the business document's digest is known. */
    @FunctionalInterface
    public interface TokenMaker {
        TrustOkToken make(TrustOkToken.Document document, Instant now);
    }

    private static final DigestAlgorithm DIGEST = DigestAlgorithm.SHA256;
    private static final int BUFFER = 64 * 1024;
    /** How much of a part shows whether it compresses; smaller parts are deflated without asking. */
    private static final int SAMPLE_BYTES = 256 * 1024;
    private static final int WORTH_DEFLATING_PERCENT = 5;

    private final Clock clock;
    private final Path tempDirectory;
    private final XmlSealer sealer;
    private final PdfSealer tokenPdfSealer;

    /**
     * @param containerKey the container-seal key: a key of its own, not the evidence, AS4 or TLS key (Annex I 5.3)
     * @param clock gives the signing time
     * @param tempDirectory where SignedContent.zip is staged, or {@code null} for the system's temporary directory
     */
    public EcodexContainerBuilder(SealKey containerKey, Clock clock, Path tempDirectory) {
        Objects.requireNonNull(containerKey, "containerKey");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tempDirectory = tempDirectory;
        // One sealer for signatures.xml and the token: both are the container key's, with SHA-256 references.
        this.sealer = new XmlSealer(containerKey, DIGEST, clock);
        // PAdES-BASELINE-B, as the official connector signs its TrustOkToken.pdf.
        this.tokenPdfSealer = new PdfSealer(containerKey, clock);
    }

    public EcodexContainerBuilder(SealKey containerKey, Clock clock) {
        this(containerKey, clock, null);
    }

    /**
     * Builds the container into {@code out}, which is flushed but not closed.
     *
     * @throws UncheckedIOException when a part cannot be read or the output cannot be written
     * @throws IllegalArgumentException when the container cannot be signed with the key
     */
    public BuiltContainer build(ContainerContent content, TokenMaker tokenMaker, OutputStream out) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(tokenMaker, "tokenMaker");
        Objects.requireNonNull(out, "out");
        Path signedContent = null;
        try {
            signedContent = createTemp(".SignedContent-", ".zip");
            Staged staged = writeSignedContent(content, tokenMaker, signedContent);
            writeContainer(signedContent, staged.sha256, staged.crc, staged.size, out);
            byte[] tokenXml = sealer.seal(TrustOkTokenXml.write(staged.token), "the Trust OK token");
            return new BuiltContainer(staged.token, tokenXml, staged.sha256, staged.size);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the e-CODEX container: " + e.getMessage(), e);
        } finally {
            deleteQuietly(signedContent);
        }
    }

    /**
     * Builds the container into the file {@code target}: written beside it first and moved into place when complete,
     * so that a failure leaves no partial file.
     */
    public BuiltContainer build(ContainerContent content, TokenMaker tokenMaker, Path target) {
        Objects.requireNonNull(target, "target");
        Path absolute = target.toAbsolutePath();
        Path partial = null;
        try {
            partial = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".partial");
            BuiltContainer built;
            try (OutputStream out = Files.newOutputStream(partial)) {
                built = build(content, tokenMaker, out);
            }
            Files.move(partial, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            partial = null;
            return built;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the e-CODEX container " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(partial);
        }
    }

    /**
     * Seals an existing SignedContent.zip into an ASiC-S container, streaming. For containers whose content was zipped
     * elsewhere; {@link #build} is the usual way.
     */
    public void seal(Path signedContentZip, OutputStream out) {
        try {
            MessageDigest sha256 = sha256();
            CRC32 crc = new CRC32();
            long size = 0;
            byte[] buffer = new byte[BUFFER];
            try (InputStream in = Files.newInputStream(signedContentZip)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha256.update(buffer, 0, n);
                    crc.update(buffer, 0, n);
                    size += n;
                }
            }
            writeContainer(signedContentZip, sha256.digest(), crc.getValue(), size, out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the e-CODEX container: " + e.getMessage(), e);
        }
    }

    private record Staged(TrustOkToken token, byte[] sha256, long crc, long size) {
    }

    private Staged writeSignedContent(ContainerContent content, TokenMaker tokenMaker, Path file) throws IOException {
        MessageDigest zipDigest = sha256();
        CRC32 crc = new CRC32();
        CountingOutputStream counter;
        TrustOkToken token;
        try (OutputStream fileOut = Files.newOutputStream(file);
             ZipOutputStream zip = new ZipOutputStream(counter = new CountingOutputStream(new CheckedOutputStream(
                     new DigestOutputStream(new BufferedOutputStream(fileOut, BUFFER), zipDigest), crc)))) {
            byte[] documentDigest = null;
            for (ContainerPart part : content.parts()) {
                byte[] digest = writeEntry(zip, part);
                if (part == content.document()) {
                    documentDigest = digest;
                }
            }
            ContainerPart document = content.document();
            TrustOkToken.Document tokenDocument = new TrustOkToken.Document(document.name(),
                    documentType(document.mimeType()),
                    content.detachedSignature() == null ? null : content.detachedSignature().name(), documentDigest);
            token = Objects.requireNonNull(tokenMaker.make(tokenDocument, clock.instant()), "token");
            zip.putNextEntry(new ZipEntry(EcodexContainer.TOKEN_PDF));
            zip.write(tokenPdfSealer.seal(TrustOkTokenPdf.render(token), EcodexContainer.TOKEN_PDF));
            zip.closeEntry();
        }
        return new Staged(token, zipDigest.digest(), crc.getValue(), counter.count);
    }

    /**
     * Copies one part into the zip; returns the SHA-256 digest of its bytes. A part that deflating would not make
     * smaller (a PDF's compressed streams, an archive, a video: most large evidence) is stored as it is: deflate
     * gains nothing on it and ran at about 15 MB/s, the slowest step of a large message. A stored entry needs its
     * size and CRC before its bytes, so it is read twice; any zip reader opens either kind.
     */
    private static byte[] writeEntry(ZipOutputStream zip, ContainerPart part) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = part.source().open()) {
            byte[] sample = in.readNBytes(SAMPLE_BYTES);
            if (sample.length == SAMPLE_BYTES && !worthDeflating(sample)) {
                return writeStored(zip, part, sample, in, digest);
            }
            zip.putNextEntry(new ZipEntry(part.name()));
            digest.update(sample);
            zip.write(sample);
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                zip.write(buffer, 0, n);
            }
        }
        zip.closeEntry();
        return digest.digest();
    }

    /**
     * Reads the rest of the part after its sample for the size, CRC and digest a stored entry needs first, then opens
     * it again to copy it.
     */
    private static byte[] writeStored(ZipOutputStream zip, ContainerPart part, byte[] sample, InputStream rest,
                                      MessageDigest digest) throws IOException {
        CRC32 crc = new CRC32();
        digest.update(sample);
        crc.update(sample);
        long size = sample.length;
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = rest.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
            crc.update(buffer, 0, n);
            size += n;
        }
        zip.putNextEntry(stored(part.name(), size, crc.getValue()));
        long copied;
        try (InputStream in = part.source().open()) {
            copied = in.transferTo(zip);
        }
        if (copied != size) {
            throw new IOException("the part " + part.name() + " changed while it was packed");
        }
        zip.closeEntry();
        return digest.digest();
    }

    /**
     * Whether the fastest deflate makes a part's first {@link #SAMPLE_BYTES} at least {@link #WORTH_DEFLATING_PERCENT}
     * % smaller. A part shorter than the sample is always deflated (cheap, and the container stays as it always was).
     */
    private static boolean worthDeflating(byte[] sample) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            deflater.setInput(sample);
            deflater.finish();
            byte[] out = new byte[BUFFER];
            long deflated = 0;
            while (!deflater.finished()) {
                deflated += deflater.deflate(out);
            }
            return deflated * 100 <= (long) sample.length * (100 - WORTH_DEFLATING_PERCENT);
        } finally {
            deflater.end();
        }
    }

    private void writeContainer(Path signedContent, byte[] sha256, long crc, long size, OutputStream out)
            throws IOException {
        byte[] signatures = sign(sha256);
        ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(new NonClosingOutputStream(out), BUFFER));
        // ASiC (EN 319 162-1, 4.3.1): "mimetype" first, stored, no extra field.
        byte[] mimetype = EcodexContainer.MIME_TYPE.getBytes(StandardCharsets.US_ASCII);
        zip.putNextEntry(stored(EcodexContainer.MIMETYPE_ENTRY, mimetype.length, crc(mimetype)));
        zip.write(mimetype);
        zip.closeEntry();
        // SignedContent.zip is a zip already: stored, not deflated a second time.
        zip.putNextEntry(stored(EcodexContainer.SIGNED_CONTENT, size, crc));
        Files.copy(signedContent, zip);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(EcodexContainer.SIGNATURES));
        zip.write(signatures);
        zip.closeEntry();
        zip.setComment("mimetype=" + EcodexContainer.MIME_TYPE);
        zip.finish();
        zip.flush();
    }

    /** The detached XAdES-BASELINE-B signature over SignedContent.zip, inside asic:XAdESSignatures. */
    private byte[] sign(byte[] sha256) {
        DigestDocument signedContent = new DigestDocument(DIGEST, sha256, EcodexContainer.SIGNED_CONTENT,
                MimeTypeEnum.ZIP);
        return sealer.sealDetached(List.of(signedContent), EcodexContainerBuilder::signaturesRoot,
                "the container");
    }

    /** An empty {@code asic:XAdESSignatures} document, as DSS's own ASiC service starts it. */
    static Document signaturesRoot() {
        Document document = SecureXmlInput.newDocument();
        Element root = document.createElementNS(EcodexContainer.ASIC_NAMESPACE, "asic:XAdESSignatures");
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:asic", EcodexContainer.ASIC_NAMESPACE);
        document.appendChild(root);
        return document;
    }

    private static String documentType(String mimeType) {
        String lower = mimeType.toLowerCase(Locale.ROOT);
        if (lower.equals("application/pdf")) {
            return "PDF";
        }
        if (lower.endsWith("/xml") || lower.endsWith("+xml")) {
            return "XML";
        }
        int slash = lower.indexOf('/');
        return (slash < 0 ? lower : lower.substring(slash + 1)).toUpperCase(Locale.ROOT);
    }

    private static ZipEntry stored(String name, long size, long crc) {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(size);
        entry.setCompressedSize(size);
        entry.setCrc(crc);
        return entry;
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    private Path createTemp(String prefix, String suffix) throws IOException {
        return tempDirectory == null ? Files.createTempFile(prefix, suffix)
                : Files.createTempFile(tempDirectory, prefix, suffix);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the system's cleaner takes it
            }
        }
    }

    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
