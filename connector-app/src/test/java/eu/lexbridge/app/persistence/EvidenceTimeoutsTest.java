package eu.lexbridge.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.flow.ConnectorIdentity;
import eu.lexbridge.core.flow.EvidenceIssuer;
import eu.lexbridge.core.flow.EvidenceTimeouts;
import eu.lexbridge.core.flow.RelayTimeout;
import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.MessageKind;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.persistence.DiskPayloadStore;
import eu.lexbridge.persistence.JdbcMessageStore;
import eu.lexbridge.trust.evidence.RemEvidenceFactory;
import eu.lexbridge.trust.evidence.RemEvidenceReader;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Timeouts on the real store and evidence documents, with a clock the test moves. */
class EvidenceTimeoutsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final Party AT = new Party("at", "urn:oasis:names:tc:ebcore:partyid-type:unregistered", "GW");
    private static final Party DE = new Party("de", "urn:oasis:names:tc:ebcore:partyid-type:unregistered", "GW");

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(T0);
    private JdbcMessageStore store;
    private DiskPayloadStore payloads;
    private EvidenceIssuer issuer;

    @BeforeEach
    void setUp() {
        var ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:timeouts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        store = new JdbcMessageStore(new JdbcTemplate(ds), new TransactionTemplate(new DataSourceTransactionManager(ds)));
        payloads = new DiskPayloadStore(dir);
        issuer = new EvidenceIssuer(new ConnectorIdentity(AT, "at.test"),
                new RemEvidenceFactory("at", "at", ZoneOffset.UTC), payloads, store, partyId -> Optional.empty(),
                clock);
    }

    private EvidenceTimeouts timeouts(Duration retrieval) {
        return new EvidenceTimeouts(store, issuer, clock, new RelayTimeout(Duration.ofHours(12), Map.of(),
                partyId -> Optional.empty(), store), new EvidenceTimeouts.Limits(Duration.ofHours(24), retrieval));
    }

    private UUID sentMessage(MessageState state) {
        var message = ConnectorMessage.builder().kind(MessageKind.BUSINESS).direction(Direction.OUTBOUND)
                .state(state).backendName("cms").backendMessageId("B-" + UUID.randomUUID())
                .ebmsMessageId(UUID.randomUUID() + "@at.test").conversationId("c")
                .service(new BusinessService("EEvidence", "")).action("EPOC").from(AT).to(DE)
                .originalSender("AT/x").finalRecipient("DE/y").createdAt(T0)
                .addPayload(new PayloadRef(UUID.randomUUID().toString(), PayloadKind.BUSINESS_CONTENT, "c.xml",
                        "text/xml", 1, "0".repeat(64)))
                .build();
        store.insert(message, "test");
        return message.connectorMessageId();
    }

    @Test
    void aSilentPartnerGetsRelayFailureAfterTheRelayTimeoutAndOnlyOnce() throws Exception {
        UUID id = sentMessage(MessageState.SENT);

        clock.set(T0.plus(Duration.ofHours(11)));
        assertThat(timeouts(null).enforce()).isZero();
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.SENT);

        clock.set(T0.plus(Duration.ofHours(12)).plusSeconds(1));
        assertThat(timeouts(null).enforce()).isEqualTo(1);
        assertThat(timeouts(null).enforce()).isZero();

        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.RELAY_FAILED);
        Evidence failure = store.findEvidence(id, EvidenceType.RELAY_REMMD_FAILURE, EvidenceOrigin.ISSUED).orElseThrow();
        assertThat(failure.reason()).startsWith("E301");
        assertThat(failure.carrierMessageId()).as("goes to the back-end only").isNull();
        try (InputStream in = payloads.open(failure.document())) {
            assertThat(new RemEvidenceReader().read(in).type()).isEqualTo(EvidenceType.RELAY_REMMD_FAILURE);
        }
    }

    @Test
    void aRelayedMessageWithoutDeliveryGetsNonDeliveryAndALateDeliveryChangesNothing() {
        UUID id = sentMessage(MessageState.RELAYED);
        clock.set(T0.plus(Duration.ofHours(24)).plusSeconds(1));

        assertThat(timeouts(null).enforce()).isEqualTo(1);
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.NOT_DELIVERED);

        var late = new Evidence(UUID.randomUUID(), id, EvidenceType.DELIVERY, EvidenceOrigin.RECEIVED,
                new PayloadRef(UUID.randomUUID().toString(), PayloadKind.EVIDENCE, "DELIVERY", "text/xml", 1,
                        "0".repeat(64)), null, clock.instant(), null);
        store.recordEvidence(late, null, MessageState.DELIVERED, "DELIVERY received late");

        assertThat(store.find(id).orElseThrow().state()).as("a positive evidence never overrides a negative one")
                .isEqualTo(MessageState.NOT_DELIVERED);
        assertThat(store.timeline(id)).anySatisfy(e -> assertThat(e.detail()).startsWith("state unchanged"));
    }

    @Test
    void retrievalIsEnforcedOnlyWhenConfigured() {
        UUID id = sentMessage(MessageState.DELIVERED);
        clock.set(T0.plus(Duration.ofDays(30)));

        assertThat(timeouts(null).enforce()).isZero();
        assertThat(timeouts(Duration.ofHours(36)).enforce()).isEqualTo(1);
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.NOT_RETRIEVED);
    }

    /** A clock the test sets. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
