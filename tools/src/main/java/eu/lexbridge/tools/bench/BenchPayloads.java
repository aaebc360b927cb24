package eu.lexbridge.tools.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * The payloads a bench sends, of the sizes asked for: business content that is XML, a business document that is a
 * PDF. Random filler (fixed seed): compression on the wire must not make the sizes smaller than they say.
 */
final class BenchPayloads {

    private BenchPayloads() {
    }

    /** An XML document of exactly {@code bytes} bytes (at least its frame), the filler in a comment-free element. */
    static byte[] xml(int bytes) {
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<benchContent xmlns=\"urn:lexbridge:bench\">"
                + "<reference>DEMO-BENCH</reference><filler>";
        String tail = "</filler></benchContent>\n";
        int filler = Math.max(0, bytes - head.length() - tail.length());
        StringBuilder xml = new StringBuilder(bytes).append(head);
        Random random = new Random(42);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < filler; i++) {
            xml.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return xml.append(tail).toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A one-page PDF of about {@code bytes} bytes: the size is made by a stream of random bytes the page ignores. */
    static byte[] pdf(int bytes) {
        byte[] filler = new byte[Math.max(0, bytes - 1200)];
        new Random(43).nextBytes(filler);
        try (PDDocument document = new PDDocument(); var out = new ByteArrayOutputStream(bytes + 1024)) {
            document.addPage(new PDPage());
            PDStream stream = new PDStream(document, new ByteArrayInputStream(filler));
            document.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("LexBridgeBenchFiller"),
                    stream.getCOSObject());
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bench's PDF", e);
        }
    }
}
