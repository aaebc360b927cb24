package eu.lexbridge.trust.container;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

/** Test payloads generated on the fly, so that no test holds a large payload in memory. */
final class Payloads {

    private Payloads() {
    }

    /** {@code size} pseudo-random bytes from {@code seed}, after a "%PDF-1.7" header. */
    static InputStream pdfLike(long size, long seed) {
        return new InputStream() {
            private final byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
            private long position;
            private long state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - position);
                for (int i = 0; i < n; i++) {
                    long p = position + i;
                    if (p < header.length) {
                        b[off + i] = header[(int) p];
                    } else {
                        state ^= state << 13;
                        state ^= state >>> 7;
                        state ^= state << 17;
                        b[off + i] = (byte) state;
                    }
                }
                position += n;
                return n;
            }
        };
    }

    static Path file(Path dir, String name, long size, long seed) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = pdfLike(size, seed); OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
        }
        return file;
    }

    static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static EcodexContainerBuilder.TokenMaker authenticationBased() {
        return (document, now) -> TrustOkToken.authenticationBased("LexBridge Test", "AT", document,
                new TrustOkToken.Authentication("LexBridge back-end authentication", "clerk-17",
                        Instant.now().minusSeconds(60)), now);
    }
}
