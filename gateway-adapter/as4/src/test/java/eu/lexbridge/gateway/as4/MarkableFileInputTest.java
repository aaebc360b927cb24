package eu.lexbridge.gateway.as4;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkableFileInputTest {

    @TempDir
    Path work;

    @Test
    void resetGoesBackToTheMarkBySeekingWhateverTheReadLimit() throws IOException {
        byte[] content = new byte[300_000];
        new Random(3).nextBytes(content);
        Path file = Files.write(work.resolve("part"), content);
        try (InputStream in = MarkableFileInput.open(file)) {
            assertThat(in.markSupported()).isTrue();
            assertThat(in.readNBytes(10)).isEqualTo(Arrays.copyOf(content, 10));
            // A read limit of 1 byte, then far more read: a file mark does not expire.
            in.mark(1);
            assertThat(readAll(in)).isEqualTo(Arrays.copyOfRange(content, 10, content.length));
            assertThat(in.read()).isEqualTo(-1);
            in.reset();
            assertThat(in.available()).isEqualTo(content.length - 10);
            assertThat(in.read()).isEqualTo(content[10] & 0xff);
            assertThat(in.skip(100_000)).isEqualTo(100_000);
            assertThat(in.read()).isEqualTo(content[100_011] & 0xff);
            in.reset();
            assertThat(readAll(in)).isEqualTo(Arrays.copyOfRange(content, 10, content.length));
        }
    }

    @Test
    void twoOpenedStreamsOfOneFileAreIndependent() throws IOException {
        Path file = Files.write(work.resolve("part"), new byte[] {1, 2, 3});
        try (InputStream first = MarkableFileInput.open(file); InputStream second = MarkableFileInput.open(file)) {
            assertThat(first.read()).isEqualTo(1);
            assertThat(second.readAllBytes()).containsExactly(1, 2, 3);
            assertThat(first.readAllBytes()).containsExactly(2, 3);
        }
    }

    /** Small and large reads mixed, as WSS4J (8 KiB) and a direct copy (≥ 64 KiB) do. */
    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] small = new byte[8192];
        byte[] large = new byte[100_000];
        boolean big = false;
        for (int n; (n = in.read(big ? large : small)) >= 0; big = !big) {
            out.write(big ? large : small, 0, n);
        }
        return out.toByteArray();
    }
}
