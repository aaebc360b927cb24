package eu.lexbridge.trust.pki;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
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
 * Documents as a hostile back-end or partner sends them: a sealed PDF changed after sealing, a zip bomb shaped as an
 * ASiC-S, and zips laid down entry by entry as a careless or hostile writer lays them down (any order, duplicate names,
 * "../" and absolute names, a compressed mimetype, a comment): the one place for hostile shapes.
 */
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
        return zipOfZeros("evidence.bin", inflated);
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

    /**
     * One zip entry as {@link #zip} writes it.
     *
     * @param name the name, written as it is (nothing is checked: "../x", "/x" and duplicates are the point)
     * @param content the uncompressed bytes
     * @param deflated compressed (DEFLATE) rather than stored
     */
    public record ZipItem(String name, byte[] content, boolean deflated) {
        public ZipItem {
            Objects.requireNonNull(name, "name");
            content = content.clone();
        }

        /** A stored entry. */
        public static ZipItem stored(String name, byte[] content) {
            return new ZipItem(name, content, false);
        }

        /** A compressed entry. */
        public static ZipItem deflated(String name, byte[] content) {
            return new ZipItem(name, content, true);
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        public ZipItem withName(String other) {
            return new ZipItem(other, content, deflated);
        }

        public ZipItem deflated(boolean compressed) {
            return new ZipItem(name, content, compressed);
        }
    }

    /** The entries of a zip, in the order of their local headers, with their bytes and compression. */
    public static List<ZipItem> entries(byte[] zip) {
        List<ZipItem> items = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                items.add(new ZipItem(entry.getName(), in.readAllBytes(), entry.getMethod() == ZipEntry.DEFLATED));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }

    /** A zip of {@code items}, in their order, without a comment. */
    public static byte[] zip(List<ZipItem> items) {
        return zip(items, null);
    }

    /**
     * Writes a zip by hand (APPNOTE 4.3): local headers in the order given, then the central directory listing the same
     * names, then the end record with {@code comment}. Unlike {@link ZipOutputStream} it writes duplicate names.
     *
     * @param comment the zip comment, or {@code null} for none
     */
    public static byte[] zip(List<ZipItem> items, String comment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (ZipItem item : items) {
            byte[] name = item.name().getBytes(StandardCharsets.UTF_8);
            byte[] content = item.content();
            byte[] data = item.deflated() ? deflate(content) : content;
            CRC32 crc = new CRC32();
            crc.update(content);
            int offset = out.size();
            ByteBuffer local = header(30 + name.length);
            local.putInt(0x04034b50).putShort((short) 20).putShort((short) 0x0800)
                    .putShort((short) (item.deflated() ? 8 : 0)).putShort((short) 0).putShort((short) 0x21)
                    .putInt((int) crc.getValue()).putInt(data.length).putInt(content.length)
                    .putShort((short) name.length).putShort((short) 0).put(name);
            out.writeBytes(local.array());
            out.writeBytes(data);
            ByteBuffer record = header(46 + name.length);
            record.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0x0800)
                    .putShort((short) (item.deflated() ? 8 : 0)).putShort((short) 0).putShort((short) 0x21)
                    .putInt((int) crc.getValue()).putInt(data.length).putInt(content.length)
                    .putShort((short) name.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putInt(0).putInt(offset).put(name);
            central.writeBytes(record.array());
        }
        int centralStart = out.size();
        out.writeBytes(central.toByteArray());
        byte[] commentBytes = comment == null ? new byte[0] : comment.getBytes(StandardCharsets.UTF_8);
        ByteBuffer end = header(22 + commentBytes.length);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) items.size())
                .putShort((short) items.size()).putInt(central.size()).putInt(centralStart)
                .putShort((short) commentBytes.length).put(commentBytes);
        out.writeBytes(end.array());
        return out.toByteArray();
    }

    /** {@code zip} rewritten entry by entry: {@code change} gets its entries in order and returns the new ones. */
    public static byte[] rewrite(byte[] zip, UnaryOperator<List<ZipItem>> change, String comment) {
        return zip(change.apply(new ArrayList<>(entries(zip))), comment);
    }

    /** {@code zip} with its entries in the order {@code names} gives (each name once, all of them). */
    public static byte[] inOrder(byte[] zip, String... names) {
        return rewrite(zip, items -> {
            List<ZipItem> ordered = new ArrayList<>();
            for (String name : names) {
                ordered.add(items.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow(() ->
                        new IllegalArgumentException("no entry " + name)));
            }
            if (ordered.size() != items.size()) {
                throw new IllegalArgumentException("name every entry once");
            }
            return ordered;
        }, null);
    }

    /**
     * An ASiC-S container laid down as the official e-CODEX connector writes it: {@code META-INF/signatures.xml},
     * {@code SignedContent.zip}, then {@code mimetype}, without a zip comment. The seal covers SignedContent.zip's
     * digest, not the zip's layout, so it stays intact.
     */
    public static byte[] officialConnectorLayout(byte[] container) {
        return inOrder(container, "META-INF/signatures.xml", "SignedContent.zip", "mimetype");
    }

    /** {@code zip} with the entry {@code name} compressed. */
    public static byte[] compressed(byte[] zip, String name) {
        return rewrite(zip, items -> items.stream().map(i -> i.name().equals(name) ? i.deflated(true) : i).toList(),
                null);
    }

    /** {@code zip} without the entry {@code name}. */
    public static byte[] without(byte[] zip, String name) {
        return rewrite(zip, items -> items.stream().filter(i -> !i.name().equals(name)).toList(), null);
    }

    /** {@code zip} with {@code extra} appended (a duplicate name if it already has one). */
    public static byte[] with(byte[] zip, ZipItem extra) {
        return rewrite(zip, items -> {
            items.add(extra);
            return items;
        }, null);
    }

    /** {@code zip} with the zip comment {@code comment}. */
    public static byte[] withComment(byte[] zip, String comment) {
        return rewrite(zip, items -> items, comment);
    }

    /** A zip of {@code inflated} zeros in one entry: a few hundred KB that inflate to {@code inflated} bytes. */
    public static byte[] zipOfZeros(String entryName, long inflated) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry(entryName));
            byte[] zeros = new byte[64 * 1024];
            for (long written = 0; written < inflated; written += zeros.length) {
                zip.write(zeros, 0, (int) Math.min(zeros.length, inflated - written));
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static ByteBuffer header(int length) {
        return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] deflate(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION,
                true))) {
            deflater.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
