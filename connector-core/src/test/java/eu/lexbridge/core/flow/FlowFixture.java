package eu.lexbridge.core.flow;

import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.testkit.FixedPartnerDirectory;
import eu.lexbridge.core.testkit.InMemoryAuthorityDirectory;
import eu.lexbridge.core.testkit.InMemoryBackendLink;
import eu.lexbridge.core.testkit.InMemoryMessageStore;
import eu.lexbridge.core.testkit.InMemoryPayloadStore;
import eu.lexbridge.core.testkit.InMemorySettingStore;
import eu.lexbridge.core.testkit.PlainEvidenceFactory;
import eu.lexbridge.core.testkit.RecordingMessageBus;
import eu.lexbridge.core.testkit.RecordingSecurityEvents;
import eu.lexbridge.core.testkit.SampleMessages;
import eu.lexbridge.core.testkit.ScriptedGatewayLink;
import eu.lexbridge.core.testkit.TickingClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * One connector's ports for a flow test: the kit's in-memory ports and the stubs of the trust ports, with the German
 * connector as the one partner. Each test makes its own.
 */
final class FlowFixture {

    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    static final String EBMS_DOMAIN = "lexbridge.at.test";

    final TickingClock clock = new TickingClock(T0);
    final InMemoryMessageStore store = new InMemoryMessageStore();
    final InMemoryPayloadStore payloads = new InMemoryPayloadStore();
    final RecordingMessageBus bus = new RecordingMessageBus();
    final RecordingSecurityEvents security = new RecordingSecurityEvents();
    final FixedPartnerDirectory partners = FixedPartnerDirectory.of(SampleMessages.germany());
    final InMemorySettingStore settings = new InMemorySettingStore();
    final PartnerHolds holds = new PartnerHolds(settings, clock);
    final InMemoryAuthorityDirectory authorities = new InMemoryAuthorityDirectory();
    final ConnectorIdentity identity = new ConnectorIdentity(SampleMessages.HOME, EBMS_DOMAIN);
    final ScriptedGatewayLink gateway = new ScriptedGatewayLink();
    final InMemoryBackendLink backends = new InMemoryBackendLink();
    final StubDocumentChecker documents = new StubDocumentChecker();
    final StubContainerPacker containers = new StubContainerPacker(payloads);
    final StubEvidenceVerifier verifier = new StubEvidenceVerifier();

    /** The issuer on this fixture's store. */
    EvidenceIssuer issuer() {
        return issuer(store);
    }

    EvidenceIssuer issuer(MessageStore on) {
        return new EvidenceIssuer(identity, new PlainEvidenceFactory(), payloads, on, partners, clock);
    }

    /** The sample service with its action, under {@code policy}. */
    static ServiceCatalogue catalogue(DocumentPolicy policy) {
        return new ServiceCatalogue(Set.of(new ServiceCatalogue.Entry(SampleMessages.SERVICE, SampleMessages.ACTION,
                policy)));
    }

    /**
     * This fixture's store, where {@code event} happens once, just before the first call of {@code method}: another
     * delivery of the same step that wins a race, or a database that fails.
     */
    MessageStore storeWhere(String method, Runnable event) {
        boolean[] happened = {false};
        return (MessageStore) Proxy.newProxyInstance(MessageStore.class.getClassLoader(),
                new Class<?>[] {MessageStore.class}, (proxy, m, args) -> {
                    if (m.getName().equals(method) && !happened[0]) {
                        happened[0] = true;
                        event.run();
                    }
                    try {
                        return m.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * This fixture's store, whose first call of {@code method} is done and then fails: a database that committed while
     * the connection broke, so the caller cannot know whether its change was kept.
     */
    MessageStore storeThatLosesTheAnswerTo(String method) {
        boolean[] happened = {false};
        return (MessageStore) Proxy.newProxyInstance(MessageStore.class.getClassLoader(),
                new Class<?>[] {MessageStore.class}, (proxy, m, args) -> {
                    Object result;
                    try {
                        result = m.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (m.getName().equals(method) && !happened[0]) {
                        happened[0] = true;
                        throw new IllegalStateException("the connection broke before the commit was confirmed");
                    }
                    return result;
                });
    }

    ConnectorMessage stored(ConnectorMessage message) {
        if (!store.insert(message, "stored by the test")) {
            throw new IllegalStateException("the test stored " + message.connectorMessageId() + " twice");
        }
        return message;
    }

    ConnectorMessage reload(UUID id) {
        return store.find(id).orElseThrow();
    }
}
