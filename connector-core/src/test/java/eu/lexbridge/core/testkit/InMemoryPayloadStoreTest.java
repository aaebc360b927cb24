package eu.lexbridge.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.port.PayloadStore;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class InMemoryPayloadStoreTest extends PayloadStoreContract {

    private InMemoryPayloadStore memory;

    @Override
    protected PayloadStore store() {
        memory = new InMemoryPayloadStore();
        return memory;
    }

    @Override
    protected long payloadsHeld() {
        return memory.count();
    }

    /** The test's own damage: bytes changed at rest are caught by the reader that reaches the end. */
    @Test
    void aCorruptedPayloadFailsItsReader() {
        var ref = memory.put(PayloadKind.ATTACHMENT, "a.bin", "application/octet-stream", new byte[] {1, 2, 3});

        memory.corrupt(ref.payloadId());

        assertThat(memory.bytes(ref.payloadId())).containsExactly(1, 2, 2);
        assertThatThrownBy(() -> {
            try (InputStream in = memory.open(ref)) {
                in.readAllBytes();
            }
        }).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_INTEGRITY));
    }

    @Test
    void aLostPayloadIsMissing() {
        var ref = memory.put(PayloadKind.ATTACHMENT, "a.bin", "application/octet-stream", new byte[] {1});

        memory.lose(ref.payloadId());

        assertThat(memory.count()).isZero();
        assertThatThrownBy(() -> memory.open(ref)).isInstanceOf(ConnectorException.class);
    }
}
