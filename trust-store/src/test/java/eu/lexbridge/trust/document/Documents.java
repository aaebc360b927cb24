package eu.lexbridge.trust.document;

import eu.europa.esig.dss.asic.xades.ASiCWithXAdESSignatureParameters;
import eu.europa.esig.dss.asic.xades.signature.ASiCWithXAdESService;
import eu.europa.esig.dss.enumerations.ASiCContainerType;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.reference.CanonicalizationTransform;
import eu.europa.esig.dss.xades.reference.DSSReference;
import eu.europa.esig.dss.xades.reference.DSSTransform;
import eu.europa.esig.dss.xades.signature.XAdESService;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.pki.AlteredDocuments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Signed and hostile documents made in the test, with real signatures of the test PKI: a sealed PDF, the same with its
 * page content redefined by an incremental update, or with a second signature appended; a XAdES that signs one element
 * of its document; a zip bomb shaped as an ASiC-S.
 */
final class Documents {

    static final String XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Order xmlns="urn:lexbridge:test"><Claim Id="claim">EUR 1200.00</Claim><Court>Wien</Court></Order>
            """;

    private Documents() {
    }

    /** A one-page PDF showing {@code text}. */
    static byte[] pdf(String text) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            addTextPage(document, text);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF of {@code pages} text pages: one whose reading takes measurable time on any machine. */
    static byte[] longPdf(int pages) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int page = 1; page <= pages; page++) {
                addTextPage(document, "page " + page);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addTextPage(PDDocument document, String text) throws IOException {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.beginText();
            content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
            content.newLineAtOffset(72, 700);
            content.showText(text);
            content.endText();
        }
    }

    /** A PAdES-B seal over {@code pdf}, appended as an incremental update. */
    static byte[] pades(SealKey key, byte[] pdf, Instant signedAt) {
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
        parameters.setSignaturePackaging(SignaturePackaging.ENVELOPED);
        DSSDocument signed = Signing.sign(new PAdESService(Signing.verifier()), key,
                new InMemoryDocument(pdf, "judgment.pdf", MimeTypeEnum.PDF), parameters, signedAt);
        return Signing.bytes(signed);
    }

    /**
     * {@code signedPdf} with an incremental update after its signed revision that redefines the first page's content
     * to show {@code text}: the signed bytes are untouched, what a reader shows is not what was signed.
     */
    static byte[] redefinePage(byte[] signedPdf, String text) {
        try (PDDocument document = Loader.loadPDF(signedPdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = document.getPage(0);
            PDStream stream = new PDStream(document);
            try (OutputStream content = stream.createOutputStream(COSName.FLATE_DECODE)) {
                content.write(("BT /F1 14 Tf 72 700 Td (" + text + ") Tj ET").getBytes(StandardCharsets.US_ASCII));
            }
            page.setContents(stream);
            page.getCOSObject().setNeedToBeUpdated(true);
            document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            document.getPages().getCOSObject().setNeedToBeUpdated(true);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code signedPdf} with a page showing {@code text} added by an incremental update after its signed revision. */
    static byte[] addPage(byte[] signedPdf, String text) {
        try (PDDocument document = Loader.loadPDF(signedPdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            addTextPage(document, text);
            document.getPages().getCOSObject().setNeedToBeUpdated(true);
            document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An enveloped XAdES whose only reference is the element {@code #claim}: the rest of the XML is not signed. */
    static byte[] xadesOverOneElement(SealKey key, String xml, Instant signedAt) {
        XAdESSignatureParameters parameters = new XAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.XAdES_BASELINE_B);
        parameters.setSignaturePackaging(SignaturePackaging.ENVELOPED);
        DSSDocument document = new InMemoryDocument(xml.getBytes(StandardCharsets.UTF_8), "order.xml",
                MimeTypeEnum.XML);
        DSSReference reference = new DSSReference();
        reference.setContents(document);
        reference.setId("r-claim");
        reference.setUri("#claim");
        reference.setDigestMethodAlgorithm(DigestAlgorithm.SHA256);
        reference.setTransforms(List.<DSSTransform>of(
                new CanonicalizationTransform(javax.xml.crypto.dsig.CanonicalizationMethod.EXCLUSIVE)));
        parameters.setReferences(List.of(reference));
        return Signing.bytes(Signing.sign(new XAdESService(Signing.verifier()), key, document, parameters, signedAt));
    }

    /** An enveloped XAdES over the whole XML. */
    static byte[] xades(SealKey key, String xml, Instant signedAt) {
        XAdESSignatureParameters parameters = new XAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.XAdES_BASELINE_B);
        parameters.setSignaturePackaging(SignaturePackaging.ENVELOPED);
        return Signing.bytes(Signing.sign(new XAdESService(Signing.verifier()), key,
                new InMemoryDocument(xml.getBytes(StandardCharsets.UTF_8), "order.xml", MimeTypeEnum.XML),
                parameters, signedAt));
    }

    /** An ASiC-S with XAdES around {@code content} named {@code name}. */
    static byte[] asicS(SealKey key, byte[] content, String name, Instant signedAt) {
        ASiCWithXAdESSignatureParameters parameters = new ASiCWithXAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.XAdES_BASELINE_B);
        parameters.setSignaturePackaging(SignaturePackaging.DETACHED);
        parameters.aSiC().setContainerType(ASiCContainerType.ASiC_S);
        return Signing.bytes(Signing.sign(new ASiCWithXAdESService(Signing.verifier()), key,
                new InMemoryDocument(content, name, MimeTypeEnum.BINARY), parameters, signedAt));
    }

    /**
     * The zip bomb of issue 8 in small: an ASiC-S whose {@code SignedContent.zip} holds 512 MiB of zeros, under 1 MB on
     * disk (made once per test run).
     */
    static synchronized byte[] zipBomb() {
        if (zipBomb == null) {
            zipBomb = asicSAround(zipOfZeros("evidence.bin", 512L << 20));
        }
        return zipBomb.clone();
    }

    private static byte[] zipBomb;

    /** {@link AlteredDocuments#zipOfZeros}: never more than one 64 KiB buffer in the heap while it is written. */
    static byte[] zipOfZeros(String entryName, long inflated) {
        return AlteredDocuments.zipOfZeros(entryName, inflated);
    }

    /** {@link AlteredDocuments#asicSAround}, the test PKI's hostile ASiC-S shape. */
    static byte[] asicSAround(byte[] inner) {
        return AlteredDocuments.asicSAround(inner);
    }

    /** A zip holding {@code inner} as {@code name}, {@code depth} times over. */
    static byte[] nested(byte[] inner, String name, int depth) {
        byte[] current = inner;
        for (int i = 0; i < depth; i++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(current);
                zip.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            current = bytes.toByteArray();
        }
        return current;
    }
}
