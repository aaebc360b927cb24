package eu.lexbridge.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.MessageKind;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The same migrations and the same SQL on H2 and on a real PostgreSQL (zonky embedded, no Docker). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcMessageStoreTest {

    private EmbeddedPostgres postgres;
    private DataSource h2;

    @BeforeAll
    void startDatabases() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        var ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2 = ds;
        for (DataSource d : List.of(postgres.getPostgresDatabase(), h2)) {
            Flyway.configure().dataSource(d).locations("classpath:db/migration").load().migrate();
        }
    }

    @AfterAll
    void stopDatabases() throws Exception {
        postgres.close();
    }

    Stream<Arguments> databases() {
        return Stream.of(Arguments.of("PostgreSQL", postgres.getPostgresDatabase()), Arguments.of("H2", h2));
    }

    private static JdbcMessageStore store(DataSource dataSource) {
        return new JdbcMessageStore(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    private static ConnectorMessage outbound(String backendMessageId) {
        return ConnectorMessage.builder()
                .kind(MessageKind.BUSINESS).direction(Direction.OUTBOUND).state(MessageState.SUBMITTED)
                .backendName("at-case-management").backendMessageId(backendMessageId)
                .ebmsMessageId(UUID.randomUUID() + "@at.test").conversationId("conv-1")
                .service(new BusinessService("EEvidence", "urn:e-codex:services:")).action("EPOC")
                .from(new Party("at", "urn:oasis:names:tc:ebcore:partyid-type:unregistered", "GW"))
                .to(new Party("de", "urn:oasis:names:tc:ebcore:partyid-type:unregistered", "GW"))
                .originalSender("AT/prosecutor").finalRecipient("DE/court")
                .createdAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .addPayload(new PayloadRef(UUID.randomUUID().toString(), PayloadKind.BUSINESS_CONTENT, "epoc.xml",
                        "text/xml", 10, "a".repeat(64)))
                .addPayload(new PayloadRef(UUID.randomUUID().toString(), PayloadKind.BUSINESS_DOCUMENT, "epoc.pdf",
                        "application/pdf", 20, "b".repeat(64)))
                .build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void storesAndFindsAMessageWithItsPayloadsInOrder(String name, DataSource db) {
        var store = store(db);
        var message = outbound("B-" + UUID.randomUUID());

        assertThat(store.insert(message, "submitted")).isTrue();

        assertThat(store.find(message.connectorMessageId())).hasValue(message);
        assertThat(store.findByEbmsId(message.ebmsMessageId(), Direction.OUTBOUND)).hasValue(message);
        assertThat(store.findByEbmsId(message.ebmsMessageId(), Direction.INBOUND)).isEmpty();
        assertThat(store.findByBackendMessageId("at-case-management", message.backendMessageId())).hasValue(message);
        assertThat(store.timeline(message.connectorMessageId())).singleElement()
                .satisfies(e -> assertThat(e.state()).isEqualTo(MessageState.SUBMITTED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void refusesDuplicatesAndWritesNothingForThem(String name, DataSource db) {
        var store = store(db);
        var first = outbound("B-" + UUID.randomUUID());
        store.insert(first, "submitted");

        var sameBackendId = outbound(first.backendMessageId());
        var sameEbmsId = outbound("B-" + UUID.randomUUID()).toBuilder().ebmsMessageId(first.ebmsMessageId()).build();

        assertThat(store.insert(sameBackendId, "again")).isFalse();
        assertThat(store.insert(sameEbmsId, "again")).isFalse();
        assertThat(store.find(sameBackendId.connectorMessageId())).isEmpty();
        assertThat(store.find(sameEbmsId.connectorMessageId())).isEmpty();
        assertThat(new JdbcTemplate(db).queryForObject("select count(*) from lb_payload where message_id in (?, ?)",
                Integer.class, sameBackendId.connectorMessageId(), sameEbmsId.connectorMessageId())).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void advancesOnlyAlongLegalTransitions(String name, DataSource db) {
        var store = store(db);
        var message = outbound("B-" + UUID.randomUUID());
        store.insert(message, "submitted");
        UUID id = message.connectorMessageId();

        assertThat(store.advance(id, MessageState.SENT, "skip", Instant.now())).isFalse();
        assertThat(store.advance(id, MessageState.ACCEPTED, "accepted", Instant.now())).isTrue();
        assertThat(store.advance(id, MessageState.ACCEPTED, "again", Instant.now())).isFalse();
        assertThat(store.advance(id, MessageState.RELAY_FAILED, "failed", Instant.now())).isTrue();
        assertThat(store.advance(id, MessageState.DELIVERED, "too late", Instant.now())).isFalse();

        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.RELAY_FAILED);
        assertThat(store.timeline(id)).extracting(e -> e.state())
                .containsExactly(MessageState.SUBMITTED, MessageState.ACCEPTED, MessageState.RELAY_FAILED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void recordsAnEvidenceOnceWithItsCarrierAndState(String name, DataSource db) {
        var store = store(db);
        var subject = outbound("B-" + UUID.randomUUID());
        store.insert(subject, "submitted");
        var doc = new PayloadRef(UUID.randomUUID().toString(), PayloadKind.EVIDENCE, "SUBMISSION_ACCEPTANCE",
                "text/xml", 100, "c".repeat(64));
        var evidence = new Evidence(UUID.randomUUID(), subject.connectorMessageId(),
                EvidenceType.SUBMISSION_ACCEPTANCE, EvidenceOrigin.ISSUED, doc, subject.connectorMessageId(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), null);

        assertThat(store.recordEvidence(evidence, null, MessageState.ACCEPTED, "accepted")).isTrue();
        var again = new Evidence(UUID.randomUUID(), subject.connectorMessageId(), EvidenceType.SUBMISSION_ACCEPTANCE,
                EvidenceOrigin.ISSUED, doc, null, Instant.now(), null);
        assertThat(store.recordEvidence(again, null, MessageState.ACCEPTED, "again")).isFalse();

        assertThat(store.evidences(subject.connectorMessageId())).containsExactly(evidence);
        assertThat(store.findEvidence(subject.connectorMessageId(), EvidenceType.SUBMISSION_ACCEPTANCE,
                EvidenceOrigin.ISSUED)).hasValue(evidence);
        assertThat(store.find(subject.connectorMessageId()).orElseThrow().state()).isEqualTo(MessageState.ACCEPTED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRolledBackEvidenceLeavesNoCarrierBehind(String name, DataSource db) {
        var store = store(db);
        var subject = outbound("B-" + UUID.randomUUID());
        store.insert(subject, "submitted");
        var doc = new PayloadRef(UUID.randomUUID().toString(), PayloadKind.EVIDENCE, "DELIVERY", "text/xml", 1,
                "d".repeat(64));
        var first = new Evidence(UUID.randomUUID(), subject.connectorMessageId(), EvidenceType.DELIVERY,
                EvidenceOrigin.ISSUED, doc, null, Instant.now(), null);
        store.recordEvidence(first, null, null, "first");
        var carrier = outbound("C-" + UUID.randomUUID()).toBuilder().kind(MessageKind.EVIDENCE)
                .state(MessageState.ACCEPTED).build();
        var second = new Evidence(UUID.randomUUID(), subject.connectorMessageId(), EvidenceType.DELIVERY,
                EvidenceOrigin.ISSUED, doc, carrier.connectorMessageId(), Instant.now(), null);

        assertThat(store.recordEvidence(second, carrier, null, "second")).isFalse();
        assertThat(store.find(carrier.connectorMessageId())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findsStalledMessagesAndBackendInboxes(String name, DataSource db) {
        var store = store(db);
        var message = outbound("B-" + UUID.randomUUID()).toBuilder()
                .createdAt(Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.MILLIS)).build();
        store.insert(message, "submitted");

        assertThat(store.stalled(MessageState.SUBMITTED, Instant.now().minusSeconds(60), 1000))
                .extracting(ConnectorMessage::connectorMessageId).contains(message.connectorMessageId());
        assertThat(store.stalled(MessageState.SUBMITTED, Instant.now().minusSeconds(7200), 1000))
                .extracting(ConnectorMessage::connectorMessageId).doesNotContain(message.connectorMessageId());
        assertThat(store.inState("at-case-management", Direction.OUTBOUND, MessageState.SUBMITTED, 1000))
                .extracting(ConnectorMessage::connectorMessageId).contains(message.connectorMessageId());
        assertThat(store.inState("someone-else", Direction.OUTBOUND, MessageState.SUBMITTED, 1000)).isEmpty();
    }
}
