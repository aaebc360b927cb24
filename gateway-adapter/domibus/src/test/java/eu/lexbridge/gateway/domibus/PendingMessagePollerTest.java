package eu.lexbridge.gateway.domibus;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.testkit.InMemoryConnector;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pull fallback against the stand-in Domibus: what a push missed is listed, fetched, stored, then marked. */
class PendingMessagePollerTest {

    private static final long MAX_PAYLOAD = 16L * 1024 * 1024;

    @TempDir
    Path directory;

    private final InMemoryConnector connector = new InMemoryConnector(InMemoryConnector.Options.defaults()
            .withMaxPayloadBytes(MAX_PAYLOAD));
    private LoopbackServer domibusServer;
    private StandInDomibus domibus;
    private PendingMessagePoller poller;

    @BeforeEach
    void start() {
        domibusServer = new LoopbackServer();
        domibus = StandInDomibus.start(domibusServer, directory);
        poller = new PendingMessagePoller(DomibusGatewayTest.settings(domibusServer.url("/domibus/services/wsplugin"),
                StandInDomibus.PASSWORD), connector.reception(), 10, MAX_PAYLOAD, directory.resolve("spool"));
    }

    @AfterEach
    void stop() throws Exception {
        domibus.close();
        domibusServer.close();
    }

    @Test
    void aPendingMessageIsFetchedStoredAndThenMarkedDownloaded() throws Exception {
        InboundFixture message = InboundFixture.message(connector, domibus, 3 * 1024 * 1024, 21);
        domibus.stage(message.header, message.payloads);

        PendingMessagePoller.Poll poll = poller.pollOnce();

        assertThat(poll).isEqualTo(new PendingMessagePoller.Poll(1, 1, 0, 0, 0));
        ConnectorMessage stored = InboundFixture.stored(connector, message.id()).orElseThrow();
        assertThat(InboundFixture.storedContainerSha256(connector, stored)).isEqualTo(message.containerSha256());
        assertThat(domibus.markedDownloaded()).containsExactly(message.id());
        assertThat(poller.pollOnce()).isEqualTo(new PendingMessagePoller.Poll(0, 0, 0, 0, 0));
    }

    @Test
    void aRefusedMessageStaysPendingAndIsNotFetchedAgain() throws Exception {
        InboundFixture message = InboundFixture.message(connector, domibus, 1024, 22);
        message.header.getUserMessage().getPartyInfo().getFrom().getPartyId().setValue("ZZ");
        domibus.stage(message.header, message.payloads);

        assertThat(poller.pollOnce()).isEqualTo(new PendingMessagePoller.Poll(1, 0, 0, 1, 0));
        assertThat(poller.pollOnce()).isEqualTo(new PendingMessagePoller.Poll(1, 0, 0, 0, 0));
        assertThat(domibus.pendingIds()).containsExactly(message.id());
        assertThat(InboundFixture.stored(connector, message.id())).isEmpty();
    }

    /** The payload limit holds for a fetched message as for a pushed one: the fetch fails, nothing is stored. */
    @Test
    void aPayloadOverTheLimitFailsItsFetchAndNothingIsStored() throws Exception {
        InboundFixture message = InboundFixture.message(connector, domibus, (int) MAX_PAYLOAD * 2, 23);
        domibus.stage(message.header, message.payloads);

        PendingMessagePoller.Poll poll = poller.pollOnce();

        assertThat(poll.failed()).isEqualTo(1);
        assertThat(InboundFixture.stored(connector, message.id())).isEmpty();
        assertThat(domibus.pendingIds()).containsExactly(message.id());
        assertThat(domibus.markedDownloaded()).isEmpty();
    }

    @Test
    void domibusUnreachableIsAFailedPollNotAnException() throws Exception {
        domibus.close();
        domibusServer.close();

        assertThat(poller.pollOnce().failed()).isEqualTo(1);
    }
}
