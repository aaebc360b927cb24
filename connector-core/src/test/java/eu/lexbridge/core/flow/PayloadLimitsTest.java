package eu.lexbridge.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class PayloadLimitsTest {

    @Test
    void aContainerOfIncompressibleEntriesAtTheMessageLimitFitsTheContainerBound() throws Exception {
        int entries = 3;
        int each = 300_000;
        PayloadLimits limits = new PayloadLimits(each, (long) entries * each);
        var zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            Random random = new Random(7);
            for (int i = 0; i < entries; i++) {
                byte[] bytes = new byte[each];
                random.nextBytes(bytes);
                out.putNextEntry(new ZipEntry("attachment-" + i + ".bin"));
                out.write(bytes);
                out.closeEntry();
            }
        }
        assertThat((long) zip.size()).as("deflate makes random bytes larger, not smaller")
                .isGreaterThan(limits.maxMessageBytes())
                .isLessThanOrEqualTo(limits.maxContainerBytes());
    }

    @Test
    void theMessageLimitIsAtLeastThePayloadLimit() {
        assertThatThrownBy(() -> new PayloadLimits(200, 100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be smaller than maxPayloadBytes");
        assertThatThrownBy(() -> new PayloadLimits(0, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBoundOfTheLargestMessageDoesNotOverflow() {
        assertThatThrownBy(() -> new PayloadLimits(1, Long.MAX_VALUE).maxContainerBytes())
                .isInstanceOf(ArithmeticException.class);
        assertThat(new PayloadLimits(2L << 30, 10L << 30).maxContainerBytes())
                .isBetween(10L << 30, (10L << 30) + (10L << 30) / 1000 + (1L << 20) + 13);
    }
}
