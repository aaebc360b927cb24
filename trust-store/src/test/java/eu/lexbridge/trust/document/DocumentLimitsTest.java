package eu.lexbridge.trust.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents beyond the validation limits are refused with the limit named, in bounded time and memory. */
class DocumentLimitsTest {

    @TempDir
    Path dir;

    private final DocumentValidator defaults = validator(DocumentLimits.DEFAULTS);

    @Test
    void anAsicSWhoseSignedContentIsAZipBombIsRefusedQuicklyAndWithoutFillingTheHeap() throws IOException {
        Path bomb = write("bomb.asics", Documents.zipBomb());
        assertThat(Files.size(bomb)).isLessThan(1L << 20); // under 1 MB on disk, 512 MiB inflated

        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        assertThatThrownBy(() -> defaults.validate(bomb)).isInstanceOf(DocumentLimitExceededException.class)
                .hasMessageContaining("limit max-inflation-ratio");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;

        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(allocated).as("bytes allocated while refusing").isLessThan(16L << 20);
    }

    @Test
    void theTotalInflatedSizeIsLimitedWhateverTheRatio() throws IOException {
        var lenient = validator(new DocumentLimits(DocumentLimits.DEFAULTS.maxSize(), 64L << 20, 1_000_000, 500, 1,
                Duration.ofSeconds(60)));
        Path bomb = write("bomb.asics", Documents.asicSAround(Documents.zipOfZeros("evidence.bin", 100L << 20)));
        assertThatThrownBy(() -> lenient.validate(bomb)).isInstanceOf(DocumentLimitExceededException.class)
                .hasMessage("the document's zip container inflates to more than 67108864 bytes "
                        + "(limit max-inflated-size)");
    }

    @Test
    void containersNestedDeeperThanTheLimitAreRefused() throws IOException {
        byte[] deep = Documents.nested("<a/>".getBytes(StandardCharsets.UTF_8), "inner.zip", 3);
        Path file = write("deep.asics", Documents.asicSAround(deep));
        assertThatThrownBy(() -> defaults.validate(file)).isInstanceOf(DocumentLimitExceededException.class)
                .hasMessage("the document holds zip containers nested more than 1 deep (limit max-nesting)");
    }

    @Test
    void aContainerWithTooManyEntriesIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < 501; i++) {
                zip.putNextEntry(new ZipEntry("f" + i + ".txt"));
                zip.closeEntry();
            }
        }
        Path file = write("many.asice", bytes.toByteArray());
        assertThatThrownBy(() -> defaults.validate(file)).isInstanceOf(DocumentLimitExceededException.class)
                .hasMessage("the document's zip container has more than 500 entries (limit max-entries)");
    }

    @Test
    void aDocumentLargerThanTheLimitIsRefusedUnread() throws IOException {
        var small = validator(new DocumentLimits(500, 500, 100, 10, 0, Duration.ofSeconds(60)));
        byte[] pdf = Documents.pdf("a judgment of some length");
        assertThat(pdf.length).isGreaterThan(500);
        Path big = write("big.pdf", pdf);
        assertThatThrownBy(() -> small.validate(big)).isInstanceOf(DocumentLimitExceededException.class)
                .hasMessage("the document 'big.pdf' is larger than 500 bytes (limit max-size)");
        assertThatThrownBy(() -> small.validate(new ByteArrayInputStream(pdf), "big.pdf"))
                .isInstanceOf(DocumentLimitExceededException.class).hasMessageContaining("limit max-size");
    }

    @Test
    void aValidationThatTakesLongerThanTheLimitIsGivenUp() throws IOException {
        var hasty = validator(new DocumentLimits(1 << 20, 1 << 20, 100, 10, 0, Duration.ofMillis(1)));
        // thousands of pages: a one-page PDF was read within 1 ms by a warm JDK 25, and the test said nothing then
        Path pdf = write("judgment.pdf", Documents.longPdf(3000));
        assertThatThrownBy(() -> hasty.validate(pdf)).isInstanceOf(DocumentLimitExceededException.class)
                .hasMessage("the validation of the document took longer than 1 ms (limit timeout)");
    }

    @Test
    void aSmallContainerWithinTheLimitsIsValidated() throws IOException {
        Path file = write("plain.zip", Documents.nested("<a/>".getBytes(StandardCharsets.UTF_8), "a.xml", 1));
        assertThatThrownBy(() -> defaults.validate(file)).isInstanceOf(UnusableDocumentException.class)
                .isNotInstanceOf(DocumentLimitExceededException.class); // DSS's own verdict: no signed document
    }

    private static DocumentValidator validator(DocumentLimits limits) {
        return new DocumentValidator(ValidationSources.offline(List.of()), limits, Clock.systemUTC());
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }
}
