package eu.lexbridge.core.testkit;

import eu.lexbridge.core.evidence.EvidenceCheck;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.flow.BackendDelivery;
import eu.lexbridge.core.flow.BackendInbox;
import eu.lexbridge.core.flow.ConnectorIdentity;
import eu.lexbridge.core.flow.EvidenceIssuer;
import eu.lexbridge.core.flow.InboundAcceptance;
import eu.lexbridge.core.flow.InboundReception;
import eu.lexbridge.core.flow.PayloadLimits;
import eu.lexbridge.core.flow.RecipientResolution;
import eu.lexbridge.core.flow.ServiceCatalogue;
import eu.lexbridge.core.flow.Submission;
import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.BackendLink;
import eu.lexbridge.core.port.BackendRouter;
import eu.lexbridge.core.port.ContainerPacker;
import eu.lexbridge.core.port.DocumentChecker;
import eu.lexbridge.core.port.EvidenceVerifier;
import eu.lexbridge.core.port.PushDelivery;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.core.transport.IncomingPart;
import eu.lexbridge.core.transport.Partner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The connector's core flows over in-memory ports, wired as the application wires them, for the tests of the back-end
 * APIs: an Austrian connector ({@link SampleMessages#HOME}) that exchanges with a German one. Those tests need the real
 * flows behind their endpoints, not AS4, e-CODEX containers or evidence seals (tested in trust-store and end to end in
 * connector-app): so every received evidence is taken at its word, and a received "container" simply is the business
 * document ({@link #DOCUMENT_NAME}).
 *
 * <p>Messages come in as the routes bring them: {@link #receive} runs reception, acceptance and delivery to the
 * back-end in turn.
 */
public final class InMemoryConnector {

    public static final long MAX_PAYLOAD_BYTES = 256 * 1024;
    /** The name of the business document every received test container holds. */
    public static final String DOCUMENT_NAME = "order.pdf";
    public static final Instant START = Instant.parse("2026-11-23T08:00:00Z");
    /** Inbound final recipients and the back-ends they are routed to. */
    public static final Map<String, String> AUTHORITIES = Map.of(
            "urn:authority:court-a", "court-a", "urn:authority:court-b", "court-b");

    /**
     * How this connector differs from the default one.
     *
     * @param maxPayloadBytes the largest payload submitted or received
     * @param backends the back-end of each final recipient (the routing rules)
     * @param services the services and actions the connector takes
     * @param partners the connectors it exchanges with
     * @param link how delivery reaches the back-ends; asked once, on the first delivery, because push links are
     *             usually built from this connector's own inbox
     */
    public record Options(long maxPayloadBytes, Map<String, String> backends, Set<ServiceCatalogue.Entry> services,
                          List<Partner> partners, Supplier<BackendLink> link) {
        public Options {
            backends = Map.copyOf(backends);
            services = Set.copyOf(services);
            partners = List.copyOf(partners);
            Objects.requireNonNull(link, "link");
        }

        /** EPO Form_A with the German connector; court-a and court-b ({@link #AUTHORITIES}) pull their messages. */
        public static Options defaults() {
            return new Options(MAX_PAYLOAD_BYTES, AUTHORITIES,
                    Set.of(new ServiceCatalogue.Entry(SampleMessages.SERVICE, SampleMessages.ACTION)),
                    List.of(SampleMessages.germany()), BackendLink::heldForPull);
        }

        public Options withMaxPayloadBytes(long bytes) {
            return new Options(bytes, backends, services, partners, link);
        }

        public Options withBackends(Map<String, String> backendsByFinalRecipient) {
            return new Options(maxPayloadBytes, backendsByFinalRecipient, services, partners, link);
        }

        /** Takes {@code action} of {@code service} too. */
        public Options withService(BusinessService service, String action) {
            Set<ServiceCatalogue.Entry> more = new HashSet<>(services);
            more.add(new ServiceCatalogue.Entry(service, action));
            return new Options(maxPayloadBytes, backends, more, partners, link);
        }

        /** Exchanges with {@code partner} too. */
        public Options withPartner(Partner partner) {
            List<Partner> more = new ArrayList<>(partners);
            more.add(partner);
            return new Options(maxPayloadBytes, backends, services, more, link);
        }

        public Options withLink(BackendLink backendLink) {
            Objects.requireNonNull(backendLink, "backendLink");
            return new Options(maxPayloadBytes, backends, services, partners, () -> backendLink);
        }

        /**
         * Each back-end is pushed to through the API that pushes to it, the others pull, as the application composes
         * the APIs' push deliveries ({@link BackendLink#routed}); {@code pushes} is asked on the first delivery.
         */
        public Options withPushes(Supplier<List<PushDelivery>> pushes) {
            Objects.requireNonNull(pushes, "pushes");
            return new Options(maxPayloadBytes, backends, services, partners, () -> BackendLink.routed(pushes.get()));
        }
    }

    private final Options options;
    private final TickingClock clock = new TickingClock(START);
    private final ConnectorIdentity identity = new ConnectorIdentity(SampleMessages.HOME, "lexbridge.at.test");
    private final ServiceCatalogue catalogue;
    private final InMemoryMessageStore store = new InMemoryMessageStore();
    private final InMemoryPayloadStore payloads = new InMemoryPayloadStore();
    private final RecordingMessageBus bus = new RecordingMessageBus();
    private final FixedPartnerDirectory partners;
    private final InMemoryAuthorityDirectory authorities = new InMemoryAuthorityDirectory();
    private final InMemoryTransmissionRecords transmissionRecords = new InMemoryTransmissionRecords();
    private final Submission submission;
    private final EvidenceIssuer evidences;
    private final BackendInbox inbox;
    private final InboundReception reception;
    private final InboundAcceptance acceptance;
    private BackendDelivery delivery;

    public InMemoryConnector() {
        this(Options.defaults());
    }

    public InMemoryConnector(Options options) {
        this.options = options;
        this.catalogue = new ServiceCatalogue(options.services());
        this.partners = new FixedPartnerDirectory(options.partners());
        PayloadLimits limits = new PayloadLimits(options.maxPayloadBytes(), options.maxPayloadBytes());
        this.submission = new Submission(identity, new RecipientResolution(partners, authorities), catalogue, store, payloads, bus, SecurityEvents.logOnly(),
                clock, limits);
        this.evidences = new EvidenceIssuer(identity, new PlainEvidenceFactory(), payloads, store, partners, clock);
        this.inbox = new BackendInbox(store, payloads, evidences, bus);
        this.reception = new InboundReception(store, payloads, partners, catalogue, bus, SecurityEvents.logOnly(),
                clock, limits);
        EvidenceVerifier believing = (document, sender) -> new EvidenceCheck(true,
                EvidenceType.fromPayloadDescription(document.name()).orElse(null), null, null, "not checked");
        this.acceptance = new InboundAcceptance(store, partners, believing, evidences, new DocumentAsContainer(),
                SecurityEvents.logOnly(), clock);
    }

    public Options options() {
        return options;
    }

    public TickingClock clock() {
        return clock;
    }

    public ConnectorIdentity identity() {
        return identity;
    }

    public ServiceCatalogue catalogue() {
        return catalogue;
    }

    public InMemoryMessageStore store() {
        return store;
    }

    public InMemoryPayloadStore payloads() {
        return payloads;
    }

    public RecordingMessageBus bus() {
        return bus;
    }

    public FixedPartnerDirectory partners() {
        return partners;
    }

    /** Transmissions recorded outside the system. */
    public InMemoryTransmissionRecords transmissionRecords() {
        return transmissionRecords;
    }

    /** The competent authorities submissions by competence are resolved in; empty until a test registers some. */
    public InMemoryAuthorityDirectory authorities() {
        return authorities;
    }

    public Submission submission() {
        return submission;
    }

    public EvidenceIssuer evidences() {
        return evidences;
    }

    public BackendInbox inbox() {
        return inbox;
    }

    public InboundReception reception() {
        return reception;
    }

    public InboundAcceptance acceptance() {
        return acceptance;
    }

    /** Routes by final recipient ({@link Options#backends()}) and offers through {@link Options#link()}. */
    public synchronized BackendDelivery delivery() {
        if (delivery == null) {
            BackendRouter router = message -> options.backends().get(message.finalRecipient());
            delivery = new BackendDelivery(store, router, options.link().get(), evidences, clock);
        }
        return delivery;
    }

    /**
     * A part of the connector under the name the application's configuration gives it, for a dependency-injection
     * container (the back-end APIs' Spring tests expose each as a bean). The delivery is made only when first asked
     * for: push links usually need the inbox first.
     */
    public record Part(String name, Class<?> type, Supplier<?> instance) {
        public Part {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(instance, "instance");
        }
    }

    /** This connector, its ports and its flows. */
    public List<Part> parts() {
        return List.of(
                new Part("inMemoryConnector", InMemoryConnector.class, () -> this),
                new Part("clock", Clock.class, this::clock),
                new Part("identity", ConnectorIdentity.class, this::identity),
                new Part("catalogue", ServiceCatalogue.class, this::catalogue),
                new Part("messageStore", InMemoryMessageStore.class, this::store),
                new Part("payloadStore", InMemoryPayloadStore.class, this::payloads),
                new Part("messageBus", RecordingMessageBus.class, this::bus),
                new Part("partners", FixedPartnerDirectory.class, this::partners),
                new Part("authorities", InMemoryAuthorityDirectory.class, this::authorities),
                new Part("transmissionRecords", InMemoryTransmissionRecords.class, this::transmissionRecords),
                new Part("submission", Submission.class, this::submission),
                new Part("evidenceIssuer", EvidenceIssuer.class, this::evidences),
                new Part("backendInbox", BackendInbox.class, this::inbox),
                new Part("inboundReception", InboundReception.class, this::reception),
                new Part("inboundAcceptance", InboundAcceptance.class, this::acceptance),
                new Part("backendDelivery", BackendDelivery.class, this::delivery));
    }

    /** An envelope from the German connector to this one, for {@code finalRecipient}, with fresh ids. */
    public Envelope envelopeFor(String finalRecipient) {
        return new Envelope(UUID.randomUUID() + "@de.example", "conversation-" + UUID.randomUUID(), null,
                SampleMessages.SERVICE, SampleMessages.ACTION, SampleMessages.GERMANY, SampleMessages.HOME,
                "urn:authority:de-prosecutor", finalRecipient);
    }

    /**
     * A message from Germany for {@code finalRecipient}, received, accepted and delivered to its back-end (held for it
     * or pushed), as the routes do; its container holds {@code businessDocument}.
     *
     * @return the message's connector id
     */
    public UUID receive(String finalRecipient, byte[] businessContent, byte[] businessDocument) {
        Envelope envelope = envelopeFor(finalRecipient);
        reception.receive(envelope, List.of(
                new IncomingPart("messageContent", "messageContent", "text/xml",
                        () -> new ByteArrayInputStream(businessContent)),
                new IncomingPart("ASIC-S", "container.asics", "application/vnd.etsi.asic-s+zip",
                        () -> new ByteArrayInputStream(businessDocument)),
                new IncomingPart("tokenXML", "Token.xml", "text/xml",
                        () -> new ByteArrayInputStream("<token/>".getBytes(StandardCharsets.UTF_8)))),
                "CN=DE test connector");
        UUID id = store.findByEbmsId(envelope.ebmsMessageId(), Direction.INBOUND).orElseThrow()
                .connectorMessageId();
        acceptance.accept(id);
        delivery().deliver(id);
        return id;
    }

    /**
     * Every received business message must come in its container (core refuses one without); here the "container"
     * holds the business document as it is.
     */
    private final class DocumentAsContainer implements ContainerPacker {
        @Override
        public List<PayloadRef> pack(ConnectorMessage outbound, DocumentChecker.Check documentCheck) {
            throw new UnsupportedOperationException("the in-memory connector sends nothing over AS4");
        }

        @Override
        public Unpacked unpack(PayloadRef container, PayloadRef token, Partner sender) {
            try (InputStream document = payloads.open(container)) {
                return new Unpacked(true, "test container, not checked", List.of(payloads.write(
                        PayloadKind.BUSINESS_DOCUMENT, DOCUMENT_NAME, "application/pdf", document,
                        options.maxPayloadBytes())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
