package eu.lexbridge.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.port.TransmissionRecords;
import eu.lexbridge.core.record.ContentHash;
import eu.lexbridge.core.record.TransmissionReason;
import eu.lexbridge.core.record.TransmissionRecord;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TransmissionRecords} must do; an implementation's test extends this, {@link #store()} giving a
 * fresh, empty store each time it is called.
 */
public abstract class TransmissionRecordsContract {

    private static final Instant AT = Instant.parse("2026-12-05T12:00:00Z");

    protected abstract TransmissionRecords store();

    /** A sealed record of {@code conversation}, recorded at {@code recordedAt}. */
    public static TransmissionRecord record(String backend, String backendRecordId, String conversation,
                                            Instant recordedAt) {
        return new TransmissionRecord(UUID.randomUUID(), backend, backendRecordId, conversation, UUID.randomUUID(),
                recordedAt.minusSeconds(3600), "AT/Staatsanwaltschaft Wien", "Example Hosting GmbH (Berlin)",
                "production-2026-0042.zip", 3_221_225_472L, TransmissionReason.DATA_SIZE,
                "encrypted disk by courier, tracking 'RR 123 456 785 DE'",
                new ContentHash("SHA-256", "ab".repeat(32)), "E-EVIDENCE", "EPOC data", "clerk Ö. Müller", null,
                "second of two disks", recordedAt,
                SampleMessages.payload(PayloadKind.TRANSMISSION_RECORD, "transmission-record.xml"));
    }

    @Test
    void aRecordIsFoundWithEveryFieldAsItWasGiven() {
        TransmissionRecords store = store();
        TransmissionRecord record = record("court-a", "R-1", "conv-1", AT);

        assertThat(store.insert(record)).isTrue();

        TransmissionRecord found = store.find(record.recordId()).orElseThrow();
        assertThat(found.sameTransmission(record)).isTrue();
        assertThat(found.recordId()).isEqualTo(record.recordId());
        assertThat(found.backendName()).isEqualTo("court-a");
        assertThat(found.backendRecordId()).isEqualTo("R-1");
        assertThat(found.recordedAt()).isEqualTo(AT);
        assertThat(found.document()).isEqualTo(record.document());
        assertThat(store.findByBackendRecordId("court-a", "R-1")).contains(found);
        assertThat(store.findByBackendRecordId("court-b", "R-1")).isEmpty();
    }

    @Test
    void aRecordIdOrABackEndRecordIdIsTakenOnce() {
        TransmissionRecords store = store();
        TransmissionRecord first = record("court-a", "R-1", "conv-1", AT);
        store.insert(first);

        assertThat(store.insert(first)).isFalse();
        assertThat(store.insert(record("court-a", "R-1", "conv-2", AT))).isFalse();
        // another back-end may use the same id of its own
        assertThat(store.insert(record("court-b", "R-1", "conv-2", AT))).isTrue();
        // and records without a back-end id never collide
        assertThat(store.insert(record("court-a", null, "conv-1", AT))).isTrue();
        assertThat(store.insert(record("court-a", null, "conv-1", AT))).isTrue();
        assertThat(store.inConversation("conv-1")).hasSize(3);
    }

    @Test
    void aConversationsRecordsComeInTheOrderTheyWereRecorded() {
        TransmissionRecords store = store();
        TransmissionRecord later = record("court-a", "R-2", "conv-1", AT.plusSeconds(60));
        TransmissionRecord earlier = record("court-a", "R-1", "conv-1", AT);
        store.insert(later);
        store.insert(earlier);
        store.insert(record("court-a", "R-3", "conv-2", AT));

        assertThat(store.inConversation("conv-1")).extracting(TransmissionRecord::recordId)
                .containsExactly(earlier.recordId(), later.recordId());
        assertThat(store.inConversation("conv-3")).isEmpty();
        assertThat(store.find(UUID.randomUUID())).isEmpty();
    }
}
