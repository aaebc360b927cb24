package eu.lexbridge.trust.container;

import eu.lexbridge.trust.xml.SecureXmlInput;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What a received Trust OK token ({@code tokenXML}) says of the document it vouches for, read from ours or the
 * official connector's layout: the receiver checks that the container holds that very document, and learns which
 * entry is its detached signature.
 *
 * @param filename {@code Document/Filename}
 * @param signatureFilename {@code Document/SignatureFilename}, or {@code null}
 * @param documentSha256 the SHA-256 of the document from {@code Document/ds:DigestValue} (which holds the base64 of the
 *     base64 digest), or {@code null} when absent or unreadable
 * @param system {@code Issuer/AdvancedElectronicSystem}, or {@code null}
 */
public record ReceivedToken(String filename, String signatureFilename, byte[] documentSha256, String system) {

    private static final int MAX_DEPTH = 32;

    /**
     * @throws IllegalArgumentException when the bytes are not a well-formed token without DTD, or name no document
     */
    public static ReceivedToken read(byte[] xml) {
        String filename = null;
        String signatureFilename = null;
        String digest = null;
        String system = null;
        Deque<String> path = new ArrayDeque<>();
        try {
            XMLStreamReader reader = SecureXmlInput.reader(new ByteArrayInputStream(xml),
                    () -> new IllegalArgumentException("the token carries a DOCTYPE"));
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        path.push(reader.getLocalName());
                        if (path.size() > MAX_DEPTH) {
                            throw new IllegalArgumentException("the token nests deeper than " + MAX_DEPTH);
                        }
                        String where = outermostFirst(path);
                        switch (where) {
                            case "TrustOkToken/Document/Filename" -> filename = reader.getElementText().strip();
                            case "TrustOkToken/Document/SignatureFilename" ->
                                    signatureFilename = reader.getElementText().strip();
                            case "TrustOkToken/Document/DigestValue" -> digest = reader.getElementText().strip();
                            case "TrustOkToken/Issuer/AdvancedElectronicSystem" ->
                                    system = reader.getElementText().strip();
                            default -> {
                                continue;
                            }
                        }
                        path.pop(); // getElementText consumed the end tag
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        path.pop();
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("the token is not well-formed XML: " + e.getMessage(), e);
        }
        if (filename == null || filename.isEmpty()) {
            throw new IllegalArgumentException("the token names no document (Document/Filename)");
        }
        return new ReceivedToken(filename, signatureFilename == null || signatureFilename.isEmpty() ? null
                : signatureFilename, sha256(digest), system);
    }

    private static String outermostFirst(Deque<String> path) {
        StringBuilder where = new StringBuilder();
        for (var it = path.descendingIterator(); it.hasNext(); ) {
            where.append(where.length() == 0 ? "" : "/").append(it.next());
        }
        return where.toString();
    }

    /** The official connector's DigestValue is base64 over the ASCII base64 of the digest. */
    private static byte[] sha256(String digestValue) {
        if (digestValue == null) {
            return null;
        }
        try {
            byte[] once = Base64.getMimeDecoder().decode(digestValue);
            byte[] digest = Base64.getMimeDecoder().decode(new String(once, StandardCharsets.US_ASCII));
            return digest.length == 32 ? digest : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
