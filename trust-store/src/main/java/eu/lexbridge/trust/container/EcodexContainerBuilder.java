package eu.lexbridge.trust.container;

import eu.europa.esig.dss.alert.exception.AlertException;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.DigestDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.exception.IllegalInputException;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonCertificateSource;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;
import eu.lexbridge.trust.evidence.EvidenceSealer;
import eu.lexbridge.trust.evidence.ReferenceDigest;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.signature.PdfSealer;
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
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.crypto.dsig.CanonicalizationMethod;
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

    private final SealKey containerKey;
    private final Clock clock;
    private final Path tempDirectory;
    private final SignatureAlgorithm signatureAlgorithm;
    private final XAdESService service;
    private final EvidenceSealer tokenSealer;
    private final PdfSealer tokenPdfSealer;

    /**
     * @param containerKey the container-seal key: a key of its own, not the evidence, AS4 or TLS key (Annex I 5.3)
     * @param clock gives the signing time
     * @param tempDirectory where SignedContent.zip is staged, or {@code null} for the system's temporary directory
     */
    public EcodexContainerBuilder(SealKey containerKey, Clock clock, Path tempDirectory) {
        this.containerKey = Objects.requireNonNull(containerKey, "containerKey");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tempDirectory = tempDirectory;
        EncryptionAlgorithm encryption = switch (containerKey.algorithm()) {
            case "RSA" -> EncryptionAlgorithm.RSA;
            case "EC" -> EncryptionAlgorithm.ECDSA;
            default -> throw new IllegalArgumentException("The container key of " + containerKey + " is "
                    + containerKey.algorithm() + "; an RSA or EC key is needed");
        };
        this.signatureAlgorithm = SignatureAlgorithm.getAlgorithm(encryption, DIGEST);
        CommonCertificateSource chain = new CommonCertificateSource();
        containerKey.chain().forEach(certificate -> chain.addCertificate(new CertificateToken(certificate)));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setAdjunctCertSources(chain);
        verifier.setAIASource(null);
        this.service = new XAdESService(verifier);
        this.tokenSealer = new EvidenceSealer(containerKey, ReferenceDigest.SHA256, clock);
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
            byte[] tokenXml = tokenSealer.seal(TrustOkTokenXml.write(staged.token));
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

    /** Copies one part into the zip; returns the SHA-256 digest of its bytes. */
    private static byte[] writeEntry(ZipOutputStream zip, ContainerPart part) throws IOException {
        MessageDigest digest = sha256();
        zip.putNextEntry(new ZipEntry(part.name()));
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = part.source().open()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                zip.write(buffer, 0, n);
            }
        }
        zip.closeEntry();
        return digest.digest();
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
        XAdESSignatureParameters parameters = new XAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.XAdES_BASELINE_B);
        parameters.setSignaturePackaging(SignaturePackaging.DETACHED);
        parameters.setCheckCertificateRevocation(false);
        parameters.setDigestAlgorithm(DIGEST);
        parameters.setReferenceDigestAlgorithm(DIGEST);
        parameters.setSigningCertificate(new CertificateToken(containerKey.certificate()));
        parameters.setCertificateChain(intermediates());
        // xades:SigningCertificate rather than EN 319 132's SigningCertificateV2, as for evidences: verifiers on older
        // DSS versions (the official connector's lineage) know the former; current DSS reads both.
        parameters.setEn319132(false);
        parameters.setSigningCertificateDigestMethod(DigestAlgorithm.SHA256);
        // Exclusive canonicalisation: the signature must not depend on the asic:XAdESSignatures wrapper's namespaces.
        parameters.setSignedInfoCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE);
        parameters.setSignedPropertiesCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE);
        parameters.setKeyInfoCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE);
        parameters.bLevel().setSigningDate(Date.from(clock.instant()));
        List<DSSDocument> documents = List.of(signedContent);
        try {
            parameters.setRootDocument(signaturesRoot());
            ToBeSigned toBeSigned = service.getDataToSign(documents, parameters);
            byte[] value = containerKey.sign(toBeSigned.getBytes(), signatureAlgorithm.getJCEId());
            parameters.setRootDocument(signaturesRoot());
            DSSDocument signature = service.signDocument(documents, parameters,
                    new SignatureValue(signatureAlgorithm, value));
            try (InputStream in = signature.openStream()) {
                return in.readAllBytes();
            }
        } catch (IllegalInputException | DSSException | AlertException e) {
            throw new IllegalArgumentException("Cannot seal the container with " + containerKey + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An empty {@code asic:XAdESSignatures} document, as DSS's own ASiC service starts it. */
    private static Document signaturesRoot() {
        Document document = SecureXmlInput.newDocument();
        Element root = document.createElementNS(EcodexContainer.ASIC_NAMESPACE, "asic:XAdESSignatures");
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:asic", EcodexContainer.ASIC_NAMESPACE);
        document.appendChild(root);
        return document;
    }

    private List<CertificateToken> intermediates() {
        return containerKey.chain().stream().skip(1)
                .filter(certificate -> !isSelfIssued(certificate))
                .map(CertificateToken::new)
                .toList();
    }

    private static boolean isSelfIssued(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
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
