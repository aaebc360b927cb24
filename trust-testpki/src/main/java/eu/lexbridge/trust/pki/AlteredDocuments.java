package eu.lexbridge.trust.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
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

/** Documents as a hostile back-end submits them: a sealed PDF changed after sealing, a zip bomb shaped as an ASiC-S. */
public final class AlteredDocuments {

    private AlteredDocuments() {
    }

    /** A one-page PDF showing {@code text}. */
    public static byte[] pdf(String text) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code signedPdf} with an incremental update after its signed revision that redefines the first page's content
     * to show {@code text}: the signed bytes are untouched, what a reader shows is not what was signed.
     */
    public static byte[] redefinePage(byte[] signedPdf, String text) {
        try (PDDocument document = Loader.loadPDF(signedPdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = document.getPage(0);
            PDStream stream = new PDStream(document);
            try (OutputStream content = stream.createOutputStream(COSName.FLATE_DECODE)) {
                content.write(("BT /F1 14 Tf 72 700 Td (" + text + ") Tj ET").getBytes(StandardCharsets.US_ASCII));
            }
            page.setContents(stream);
            page.getCOSObject().setNeedToBeUpdated(true);
            document.getPages().getCOSObject().setNeedToBeUpdated(true);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An ASiC-S whose {@code SignedContent.zip} holds 512 MiB of zeros: under 1 MB, made through a 64 KiB buffer,
     * made once.
     */
    public static synchronized byte[] zipBomb() {
        if (zipBomb == null) {
            zipBomb = asicSAround(zipOfZeros(512L << 20));
        }
        return zipBomb.clone();
    }

    private static byte[] zipBomb;

    private static byte[] zipOfZeros(long inflated) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("evidence.bin"));
            byte[] zeros = new byte[64 * 1024];
            for (long written = 0; written < inflated; written += zeros.length) {
                zip.write(zeros);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * An ASiC-S shaped container (mimetype first, stored) holding {@code SignedContent.zip} = {@code inner} and a
     * signature file that signs nothing: what the outbound preparation is given by a hostile back-end.
     */
    public static byte[] asicSAround(byte[] inner) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            stored(zip, "mimetype", "application/vnd.etsi.asic-s+zip".getBytes(StandardCharsets.US_ASCII));
            stored(zip, "SignedContent.zip", inner); // as it was found: the outer zip inflates nothing
            zip.putNextEntry(new ZipEntry("META-INF/signatures.p7s"));
            zip.write(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01});
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void stored(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }
}
