package eu.lexbridge.trust.container;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link TrustOkToken} as {@code TrustOkToken.pdf}: a one-page PDF 1.4 with the token's lines in Helvetica,
 * written by hand (no PDF library). Long lines are wrapped; characters outside printable ASCII become '?'. Unsigned:
 * the official connector seals its token PDF with PAdES-BASELINE-B.
 */
public final class TrustOkTokenPdf {

    private static final int MAX_CHARS = 95;
    private static final int MAX_LINES = 60;

    private TrustOkTokenPdf() {
    }

    public static byte[] render(TrustOkToken token) {
        return render(token.lines());
    }

    static byte[] render(List<String> textLines) {
        List<String> lines = wrap(textLines);
        StringBuilder content = new StringBuilder("BT\n/F1 10 Tf\n12 TL\n50 800 Td\n");
        boolean first = true;
        for (String line : lines) {
            if (!first) {
                content.append("T*\n");
            }
            first = false;
            content.append('(').append(escape(line)).append(") Tj\n");
        }
        content.append("ET\n");
        byte[] stream = content.toString().getBytes(StandardCharsets.US_ASCII);

        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
                + "/Contents 5 0 R >>");
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        long[] offsets = new long[6];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i + 1] = out.size();
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        offsets[5] = out.size();
        write(out, "5 0 obj\n<< /Length " + stream.length + " >>\nstream\n");
        out.writeBytes(stream);
        write(out, "endstream\nendobj\n");
        long xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 6\n0000000000 65535 f \n");
        for (int i = 1; i <= 5; i++) {
            table.append(String.format("%010d 00000 n \n", offsets[i]));
        }
        table.append("trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        write(out, table.toString());
        return out.toByteArray();
    }

    private static List<String> wrap(List<String> textLines) {
        List<String> lines = new ArrayList<>();
        for (String line : textLines) {
            String rest = line;
            String indent = line.substring(0, line.length() - line.stripLeading().length()) + "  ";
            while (rest.length() > MAX_CHARS) {
                lines.add(rest.substring(0, MAX_CHARS));
                rest = indent + rest.substring(MAX_CHARS);
            }
            lines.add(rest);
        }
        if (lines.size() > MAX_LINES) {
            lines = new ArrayList<>(lines.subList(0, MAX_LINES - 1));
            lines.add("...");
        }
        return lines;
    }

    private static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == ')' || c == '\\') {
                s.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                s.append('?');
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
