package eu.lexbridge.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.message.PayloadKind;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskPayloadStoreTest {

    @TempDir
    Path dir;

    @Test
    void writesStreamsAndReadsBackTheSameBytes() throws Exception {
        var store = new DiskPayloadStore(dir);
        byte[] bytes = new byte[3 * 1024 * 1024 + 17];
        new Random(1).nextBytes(bytes);

        var ref = store.write(PayloadKind.ATTACHMENT, "evidence.bin", "application/octet-stream",
                new ByteArrayInputStream(bytes), 10L * 1024 * 1024);

        assertThat(ref.size()).isEqualTo(bytes.length);
        assertThat(ref.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        try (InputStream in = store.open(ref)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void refusesAPayloadOverTheLimitAndKeepsNothing() throws Exception {
        var store = new DiskPayloadStore(dir);
        assertThatThrownBy(() -> store.write(PayloadKind.ATTACHMENT, "big", "application/octet-stream",
                new ByteArrayInputStream(new byte[2048]), 1024))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void detectsBytesChangedOnDisk() throws Exception {
        var store = new DiskPayloadStore(dir);
        var ref = store.write(PayloadKind.BUSINESS_CONTENT, "c.xml", "text/xml",
                new ByteArrayInputStream("<a>original</a>".getBytes()), 1024);
        Path file;
        try (Stream<Path> files = Files.walk(dir)) {
            file = files.filter(p -> p.getFileName().toString().equals(ref.payloadId())).findFirst().orElseThrow();
        }
        Files.writeString(file, "<a>tampered</a>");

        assertThatThrownBy(() -> {
            try (InputStream in = store.open(ref)) {
                in.readAllBytes();
            }
        }).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_INTEGRITY));
    }

    @Test
    void refusesIdsThatAreNotOurs() {
        var store = new DiskPayloadStore(dir);
        var forged = new eu.lexbridge.core.message.PayloadRef("../../etc/passwd", PayloadKind.ATTACHMENT, "x",
                "text/plain", 1, "00");
        assertThatThrownBy(() -> store.open(forged)).isInstanceOf(IllegalArgumentException.class);
    }
}
