package eu.lexbridge.tools.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.port.TransmissionReceiver;
import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.core.transport.IncomingPart;
import eu.lexbridge.core.transport.OutgoingPart;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.core.transport.ReceptionOutcome;
import eu.lexbridge.core.transport.SendOutcome;
import eu.lexbridge.gateway.as4.As4ReceivingServlet;
import eu.lexbridge.gateway.as4.As4Runtime;
import eu.lexbridge.gateway.as4.As4Settings;
import eu.lexbridge.gateway.as4.EmbeddedAccessPoint;
import eu.lexbridge.gateway.as4.InboundLimits;
import eu.lexbridge.tools.demo.Demo;
import eu.lexbridge.tools.demo.DemoNetwork;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.pki.TestPki;
import jakarta.servlet.ServletRegistration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServer;

/**
 * One side of the baseline: our phase4 access point (same profile, same crypto, same TLS as the connector) in a JVM of
 * its own, without broker, database or evidences. The sender sends business messages the size of the connector's
 * and waits for the two evidence-sized messages the answerer sends back for each, as the receiving connector sends
 * RELAY_REMMD_ACCEPTANCE and DELIVERY.
 */
public final class As4Peer {

    /** {@code send} drives the exchanges and reports; {@code answer} answers each business message twice. */
    public enum Role { SEND, ANSWER }

    /**
     * @param pki the demo network's test PKI (as4.p12, tls.p12 per party, truststore.p12)
     * @param evidenceBytes the size of each evidence-sized part: the token and evidences the connector sends
     * @param partnerReady the file the partner writes when it serves: the sender starts sending then (null: at once)
     * @param partnerPid the answerer's process, whose CPU time the sender reports beside its own (0: none)
     */
    public record Settings(Role role, Path pki, String party, String partner, int port, int partnerPort, Path data,
                           int messages, int warmUp, int inFlight, int contentBytes, int documentBytes,
                           int evidenceBytes, Path result, Path ready, Path partnerReady, long partnerPid) {
    }

    private static final String PARTY_TYPE = "urn:oasis:names:tc:ebcore:partyid-type:unregistered";
    private static final String ROLE = "GW";
    private static final String[] CIPHERS = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
        "TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"};
    /** As the connector's defaults: 200 MB payloads, five a request; 512 KB envelopes; 8 processed at once. */
    private static final InboundLimits LIMITS = new InboundLimits(5L * 200 * 1024 * 1024, 512 * 1024, 8,
            Duration.ofSeconds(60));
    private static final List<EvidenceType> ANSWERS = List.of(EvidenceType.RELAY_REMMD_ACCEPTANCE,
            EvidenceType.DELIVERY);

    private final Settings settings;
    private final As4Settings as4;
    private final Partner partner;
    private final MemoryPayloads payloads = new MemoryPayloads();
    /** The sender's exchanges under way, by the business message's ebMS id: the answers seen so far. */
    private final Map<String, Exchange> exchanges = new ConcurrentHashMap<>();
    /** The answerer sends its two messages off the receiving thread, as the connector does. */
    private final ExecutorService answering = Executors.newFixedThreadPool(8);
    private EmbeddedAccessPoint accessPoint;
    private As4Runtime runtime;

    public As4Peer(Settings settings) {
        this.settings = settings;
        char[] password = Demo.PKI_PASSWORD.toCharArray();
        KeyStore trust = KeyStores.loadPkcs12(settings.pki().resolve("truststore.p12"), password);
        this.as4 = new As4Settings(new Party(settings.party(), PARTY_TYPE, ROLE),
                settings.party() + ".lexbridge.bench", settings.data(),
                KeyStores.loadPkcs12(settings.pki().resolve(settings.party()).resolve("as4.p12"), password),
                TestPki.AS4_ALIAS, password, trust, trust, Duration.ofSeconds(10), Duration.ofMinutes(5), 20);
        this.partner = new Partner(settings.partner(), new Party(settings.partner(), PARTY_TYPE, ROLE),
                URI.create("https://localhost:" + settings.partnerPort() + "/as4"),
                certificate(settings.pki().resolve(settings.partner()).resolve("as4.crt")));
    }

    /** Serves until the process is stopped ({@code answer}), or runs the exchanges and writes the result. */
    public int run() throws Exception {
        WebServer server = start();
        try {
            accessPoint = new EmbeddedAccessPoint(as4, payloads);
            Files.writeString(settings.ready(), "ready\n");
            if (settings.role() == Role.ANSWER) {
                new java.util.concurrent.CountDownLatch(1).await();
                return 0;
            }
            awaitPartner();
            Map<String, Object> result = exchange();
            Files.createDirectories(settings.result().toAbsolutePath().getParent());
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(settings.result().toFile(), result);
            return ((Number) result.get("failures")).intValue() == 0 ? 0 : 1;
        } finally {
            answering.shutdownNow();
            if (accessPoint != null) {
                accessPoint.close();
            }
            server.stop();
            if (runtime != null) {
                runtime.close();
            }
        }
    }

    /** Both peers start at once; the sender's first message waits until the answerer serves. */
    private void awaitPartner() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (settings.partnerReady() != null && !Files.exists(settings.partnerReady())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the answering peer did not start within 5 minutes");
            }
            Thread.sleep(50);
        }
    }

    private WebServer start() {
        var factory = new TomcatServletWebServerFactory(settings.port());
        factory.setAddress(InetAddress.getLoopbackAddress());
        Ssl ssl = new Ssl();
        ssl.setKeyStore(settings.pki().resolve(settings.party()).resolve("tls.p12").toAbsolutePath().toString());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword(Demo.PKI_PASSWORD);
        ssl.setKeyAlias(TestPki.TLS_ALIAS);
        ssl.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        ssl.setCiphers(CIPHERS);
        factory.setSsl(ssl);
        TransmissionReceiver receiver = this::receive;
        WebServer server = factory.getWebServer(servletContext -> {
            runtime = As4Runtime.start(servletContext, as4);
            ServletRegistration.Dynamic servlet = servletContext.addServlet("as4", new As4ReceivingServlet(as4,
                    partyId -> partner.party().partyId().equals(partyId) ? Optional.of(partner) : Optional.empty(),
                    receiver, SecurityEvents.logOnly(), LIMITS));
            servlet.addMapping("/as4");
            servlet.setLoadOnStartup(1);
        });
        server.start();
        return server;
    }

    /** Reads every part to its end (the connector stores them), then answers or records the answer. */
    private ReceptionOutcome receive(Envelope envelope, List<IncomingPart> parts, String signer) {
        for (IncomingPart part : parts) {
            try (InputStream in = part.content().open()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (settings.role() == Role.ANSWER) {
            if (DemoNetwork.ACTION.equals(envelope.action())) {
                answering.execute(() -> answer(envelope));
            }
        } else {
            Exchange exchange = exchanges.get(envelope.refToMessageId());
            if (exchange != null) {
                exchange.answered(envelope.action());
            }
        }
        return ReceptionOutcome.ACCEPTED;
    }

    private void answer(Envelope business) {
        for (EvidenceType type : ANSWERS) {
            PayloadRef evidence = payloads.put(PayloadKind.EVIDENCE, type.name() + ".xml", "text/xml",
                    BenchPayloads.xml(settings.evidenceBytes()));
            Envelope envelope = new Envelope(ebmsId(), business.conversationId(), business.ebmsMessageId(),
                    business.service(), type.as4Action(), as4.home(), partner.party(), business.finalRecipient(),
                    business.originalSender());
            SendOutcome outcome = accessPoint.send(envelope,
                    List.of(new OutgoingPart(type.payloadDescription(), "text/xml", evidence)), partner);
            payloads.delete(evidence);
            if (outcome.status() != SendOutcome.Status.DELIVERED) {
                System.err.println("answer " + type + " not delivered: " + outcome.detail());
            }
        }
    }

    /** Warm-up, then the measured exchanges, {@code inFlight} at a time; each ends with both answers received. */
    private Map<String, Object> exchange() throws InterruptedException {
        List<OutgoingPart> parts = List.of(
                new OutgoingPart("messageContent", "application/xml", payloads.put(PayloadKind.BUSINESS_CONTENT,
                        "content.xml", "application/xml", BenchPayloads.xml(settings.contentBytes()))),
                new OutgoingPart("ASIC-S", "application/vnd.etsi.asic-s+zip", payloads.put(PayloadKind.CONTAINER,
                        "container.asics", "application/vnd.etsi.asic-s+zip",
                        BenchPayloads.pdf(settings.documentBytes()))),
                new OutgoingPart("tokenXML", "text/xml", payloads.put(PayloadKind.TRUST_TOKEN, "token.xml",
                        "text/xml", BenchPayloads.xml(settings.evidenceBytes()))),
                new OutgoingPart(EvidenceType.SUBMISSION_ACCEPTANCE.payloadDescription(), "text/xml",
                        payloads.put(PayloadKind.EVIDENCE, "evidence.xml", "text/xml",
                                BenchPayloads.xml(settings.evidenceBytes()))));
        AtomicInteger failures = new AtomicInteger();
        runExchanges(settings.warmUp(), parts, new ArrayList<>(), failures);
        ProcessHandle partnerProcess = settings.partnerPid() > 0
                ? ProcessHandle.of(settings.partnerPid()).orElse(null) : null;
        Duration ownCpu = cpu(ProcessHandle.current());
        Duration partnerCpu = cpu(partnerProcess);
        long started = System.nanoTime();
        long startedMillis = System.currentTimeMillis();
        List<Exchange> measured = java.util.Collections.synchronizedList(new ArrayList<>());
        runExchanges(settings.messages(), parts, measured, failures);
        double seconds = (System.nanoTime() - started) / 1e9;
        Duration ownCpuAfter = cpu(ProcessHandle.current());
        Duration partnerCpuAfter = cpu(partnerProcess);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("exchanges", settings.messages());
        result.put("inFlight", settings.inFlight());
        result.put("failures", failures.get());
        result.put("startedEpochMillis", startedMillis);
        result.put("seconds", seconds);
        result.put("exchangesPerSecond", settings.messages() / seconds);
        result.put("senderCpuSeconds", seconds(ownCpu, ownCpuAfter));
        result.put("answererCpuSeconds", seconds(partnerCpu, partnerCpuAfter));
        Map<String, Object> latencies = new LinkedHashMap<>();
        latencies.put("RECEIPT", Latencies.of(measured.stream().map(e -> e.millisTo("RECEIPT")).toList()));
        for (EvidenceType type : ANSWERS) {
            latencies.put(type.name(), Latencies.of(measured.stream().map(e -> e.millisTo(type.as4Action())).toList()));
        }
        result.put("latenciesMillis", latencies);
        return result;
    }

    private void runExchanges(int count, List<OutgoingPart> parts, List<Exchange> done, AtomicInteger failures)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(settings.inFlight());
        for (int w = 0; w < settings.inFlight(); w++) {
            workers.execute(() -> {
                while (next.getAndIncrement() < count) {
                    Exchange exchange = new Exchange(System.nanoTime());
                    String id = ebmsId();
                    exchanges.put(id, exchange);
                    Envelope envelope = new Envelope(id, UUID.randomUUID().toString(), null,
                            new BusinessService(DemoNetwork.SERVICE, DemoNetwork.SERVICE_TYPE), DemoNetwork.ACTION,
                            as4.home(), partner.party(), "AT/bench", "DE/bench");
                    SendOutcome outcome = accessPoint.send(envelope, parts, partner);
                    exchange.answered("RECEIPT");
                    try {
                        if (outcome.status() != SendOutcome.Status.DELIVERED) {
                            throw new IllegalStateException(outcome.detail());
                        }
                        exchange.complete.get(5, TimeUnit.MINUTES);
                        done.add(exchange);
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        System.err.println("exchange " + id + " failed: " + e.getMessage());
                    } finally {
                        exchanges.remove(id);
                    }
                }
            });
        }
        workers.shutdown();
        if (!workers.awaitTermination(1, TimeUnit.HOURS)) {
            throw new IllegalStateException("the exchanges did not end within an hour");
        }
    }

    private String ebmsId() {
        return UUID.randomUUID() + "@" + as4.ebmsIdDomain();
    }

    private static Duration cpu(ProcessHandle process) {
        return process == null ? Duration.ZERO : process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static double seconds(Duration before, Duration after) {
        return after.minus(before).toNanos() / 1e9;
    }

    private static X509Certificate certificate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the certificate " + file, e);
        }
    }

    /** One business message and what came back for it, by the time since it was sent. */
    private static final class Exchange {
        private final long sentNanos;
        private final Map<String, Long> answers = new ConcurrentHashMap<>();
        private final CompletableFuture<Void> complete = new CompletableFuture<>();

        Exchange(long sentNanos) {
            this.sentNanos = sentNanos;
        }

        void answered(String what) {
            answers.putIfAbsent(what, System.nanoTime());
            if (ANSWERS.stream().allMatch(type -> answers.containsKey(type.as4Action()))) {
                complete.complete(null);
            }
        }

        double millisTo(String what) {
            Long at = answers.get(what);
            return at == null ? Double.NaN : (at - sentNanos) / 1e6;
        }
    }
}
