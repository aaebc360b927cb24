package eu.lexbridge.record.transmission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.port.Sealer;
import eu.lexbridge.core.port.TransmissionRecords;
import eu.lexbridge.core.record.TransmissionRecord;
import eu.lexbridge.core.record.TransmissionRecordRequest;
import eu.lexbridge.core.testkit.InMemoryMessageStore;
import eu.lexbridge.core.testkit.InMemoryPayloadStore;
import eu.lexbridge.core.testkit.InMemoryTransmissionRecords;
import eu.lexbridge.core.testkit.SampleMessages;
import eu.lexbridge.core.testkit.TickingClock;
import eu.lexbridge.record.Conversations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The recording itself, below any API: what is sealed is the record's every field, and a failure while sealing or
 * keeping leaves nothing behind.
 */
class TransmissionRecordingTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private final InMemoryMessageStore messages = new InMemoryMessageStore();
    private final InMemoryPayloadStore payloads = new InMemoryPayloadStore();
    private final InMemoryTransmissionRecords records = new InMemoryTransmissionRecords();
    private final TickingClock clock = new TickingClock(NOW);
    private final ConnectorMessage sent = SampleMessages.outbound(NOW.minusSeconds(7200)).build();

    TransmissionRecordingTest() {
        messages.insert(sent, "submitted");
    }

    private TransmissionRecording recording(Sealer sealer, TransmissionRecords store) {
        return new TransmissionRecording(new Conversations(messages, store), store, payloads, sealer, clock);
    }

    private TransmissionRecordRequest request(String backendRecordId) {
        return new TransmissionRecordRequest(backendRecordId, sent.conversationId(), sent.connectorMessageId(),
                NOW.minusSeconds(60).plusNanos(123_456_789), "AT/<Staatsanwaltschaft> & Co", "DE/Example Hosting",
                "data.zip", 12_345L, "forensic-requirements", "hand delivery", "SHA3-512", "0f".repeat(64),
                "E-EVIDENCE", "EPOC data", null, null, "chain of custody form 7");
    }

    @Test
    void theSealedDocumentHoldsEveryFieldEscaped() throws IOException {
        Sealer marking = new Sealer() {
            @Override
            public byte[] sealXml(byte[] document, String what) {
                return (new String(document, StandardCharsets.UTF_8) + "<!-- sealed " + what + " -->")
                        .getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public byte[] sealFiles(List<SealedFile> files, String what) {
                throw new UnsupportedOperationException("a record is one document");
            }

            @Override
            public String description() {
                return "marking";
            }
        };

        TransmissionRecord kept = recording(marking, records).record(SampleMessages.BACKEND, request("R-1"));

        assertThat(kept.transmittedAt()).as("kept to the millisecond").isEqualTo(NOW.minusSeconds(60)
                .plusMillis(123));
        String document;
        try (InputStream in = payloads.open(kept.document())) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(document).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("xmlns=\"" + TransmissionRecordDocument.NAMESPACE + "\"",
                        "<RecordId>" + kept.recordId() + "</RecordId>",
                        "<Conversation>" + sent.conversationId() + "</Conversation>",
                        "<RelatedMessage>" + sent.connectorMessageId() + "</RelatedMessage>",
                        "<TransmittedAt>" + kept.transmittedAt() + "</TransmittedAt>",
                        "<Sender>AT/&lt;Staatsanwaltschaft&gt; &amp; Co</Sender>",
                        "<FileSize>12345</FileSize>", "<Reason code=\"forensic-requirements\">",
                        "<ContentDigest algorithm=\"SHA3-512\">" + "0f".repeat(64) + "</ContentDigest>",
                        "<Note>chain of custody form 7</Note>", "<BackendRecordId>R-1</BackendRecordId>",
                        "<RecordedAt>" + kept.recordedAt() + "</RecordedAt>")
                .endsWith("<!-- sealed the transmission record -->");
        assertThat(records.find(kept.recordId())).contains(kept);
    }

    @Test
    void aSealThatFailsKeepsNothing() {
        Sealer failing = new Sealer() {
            @Override
            public byte[] sealXml(byte[] document, String what) {
                throw new IllegalArgumentException("the seal certificate has expired");
            }

            @Override
            public byte[] sealFiles(List<SealedFile> files, String what) {
                throw new UnsupportedOperationException("a record is one document");
            }

            @Override
            public String description() {
                return "failing";
            }
        };

        assertThatThrownBy(() -> recording(failing, records).record(SampleMessages.BACKEND, request("R-2")))
                .hasMessageContaining("expired");
        assertThat(records.inConversation(sent.conversationId())).isEmpty();
        assertThat(payloads.count()).isZero();
    }

    /**
     * An insert that failed may have committed all the same (the connection broke before the answer): the record may
     * be kept, so its sealed document stays, never a record without it.
     */
    @Test
    void aStoreThatLosesTheAnswerKeepsTheDocumentOfTheRecordItKept() throws Exception {
        TransmissionRecords lossy = new TransmissionRecords() {
            @Override
            public boolean insert(TransmissionRecord record) {
                records.insert(record);
                throw new IllegalStateException("the database connection broke before the commit was confirmed");
            }

            @Override
            public Optional<TransmissionRecord> find(UUID recordId) {
                return records.find(recordId);
            }

            @Override
            public Optional<TransmissionRecord> findByBackendRecordId(String backendName, String backendRecordId) {
                return records.findByBackendRecordId(backendName, backendRecordId);
            }

            @Override
            public List<TransmissionRecord> inConversation(String conversationId) {
                return records.inConversation(conversationId);
            }
        };

        assertThatThrownBy(() -> recording(new eu.lexbridge.core.testkit.PlainSealer(), lossy)
                .record(SampleMessages.BACKEND, request("R-3"))).hasMessageContaining("connection broke");

        TransmissionRecord kept = records.findByBackendRecordId(SampleMessages.BACKEND, "R-3").orElseThrow();
        try (var in = payloads.open(kept.document())) {
            assertThat(in.readAllBytes()).isNotEmpty();
        }
    }

    @Test
    void aRecordOfAnotherBackEndsConversationIsRefusedAsUnknown() {
        assertThatThrownBy(() -> recording(new eu.lexbridge.core.testkit.PlainSealer(), records)
                .record("another-backend", request(null)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_CONVERSATION);
                    assertThat(e.field()).isEqualTo("conversationId");
                });
        assertThat(payloads.count()).isZero();
    }
}
