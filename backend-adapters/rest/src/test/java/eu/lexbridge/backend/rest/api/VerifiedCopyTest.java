package eu.lexbridge.backend.rest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VerifiedCopyTest {

    @Test
    void copiesEverythingFromASoundSource() throws IOException {
        for (int size : new int[] {0, 1, VerifiedCopy.BLOCK - 1, VerifiedCopy.BLOCK, 3 * VerifiedCopy.BLOCK + 5}) {
            byte[] bytes = random(size);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            VerifiedCopy.copy(new ByteArrayInputStream(bytes), out);
            assertThat(out.toByteArray()).as("size %d", size).isEqualTo(bytes);
        }
    }

    @Test
    void holdsTheLastBlockBackWhenTheSourceFailsAtItsEnd() {
        byte[] bytes = random(2 * VerifiedCopy.BLOCK + 100);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> VerifiedCopy.copy(failingAtEnd(bytes), out)).hasMessage("checksum mismatch");

        assertThat(out.size()).isEqualTo(VerifiedCopy.BLOCK); // the last full block and the tail are held back
    }

    @Test
    void writesNothingOfASmallSourceThatFailsAtItsEnd() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> VerifiedCopy.copy(failingAtEnd(random(100)), out)).isInstanceOf(IOException.class);
        assertThat(out.size()).isZero();
    }

    private static InputStream failingAtEnd(byte[] bytes) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n < 0) {
                    throw new IOException("checksum mismatch");
                }
                return n;
            }
        };
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
