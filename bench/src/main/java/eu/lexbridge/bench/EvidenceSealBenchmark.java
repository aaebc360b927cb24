package eu.lexbridge.bench;

import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.trust.evidence.EvidenceSealer;
import eu.lexbridge.trust.evidence.EvidenceVerification;
import eu.lexbridge.trust.evidence.EvidenceVerifier;
import eu.lexbridge.trust.evidence.ReferenceDigest;
import eu.lexbridge.trust.evidence.RemEvidenceFactory;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per evidence: writing the ETSI-REM document, sealing it (XAdES-B, DSS) and verifying a sealed one, in full (a
 * verifier that has not seen the signer: DSS validates everything) and from a known signer (the connector's case for
 * every evidence after a partner's first: the seal's cryptography against DSS's earlier verdict on the signer). The
 * unsealed document is the baseline the others are compared with.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EvidenceSealBenchmark {

    private static final char[] PASSWORD = "bench-only".toCharArray();

    private RemEvidenceFactory documents;
    private EvidenceSealer sealer;
    private EvidenceVerifier verifier;
    private Collection<X509Certificate> anchors;
    private Clock clock;
    private ConnectorMessage subject;
    private byte[] sealed;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path dir = Files.createTempDirectory("lexbridge-bench-pki");
        GeneratedPki pki = TestPki.generate(dir, List.of("at-prosecutor"), PASSWORD);
        var keys = pki.parties().get("at-prosecutor");
        clock = Clock.systemUTC();
        documents = new RemEvidenceFactory("at-prosecutor", "https://at.example/as4", ZoneOffset.UTC);
        sealer = new EvidenceSealer(SealKey.fromKeyStore(KeyStores.loadPkcs12(keys.sealKeyStore(), PASSWORD),
                TestPki.SEAL_ALIAS, PASSWORD), ReferenceDigest.SHA1, clock);
        anchors = KeyStores.certificates(KeyStores.loadPkcs12(pki.trustStore(), PASSWORD));
        verifier = new EvidenceVerifier(anchors, clock);
        Party at = new Party("at-prosecutor", "urn:oasis:names:tc:ebcore:partyid-type:unregistered", "GW");
        Party de = new Party("de-court", "urn:oasis:names:tc:ebcore:partyid-type:unregistered", "GW");
        subject = ConnectorMessage.builder().direction(Direction.OUTBOUND).backendName("cms")
                .backendMessageId("AT-1").ebmsMessageId(UUID.randomUUID() + "@at.example").conversationId("c")
                .service(new BusinessService("EEvidence", "urn:e-codex:services:")).action("EPOC").from(at).to(de)
                .originalSender("AT/prosecutor").finalRecipient("DE/court").createdAt(Instant.now())
                .addPayload(new PayloadRef(UUID.randomUUID().toString(), PayloadKind.BUSINESS_CONTENT, "epoc.xml",
                        "text/xml", 1000, "ab".repeat(32)))
                .build();
        sealed = sealer.seal(document());
        EvidenceVerification check = verifier.verify(sealed);
        if (!check.acceptable()) {
            throw new IllegalStateException("the benchmark's own evidence does not verify: " + check.problems());
        }
    }

    private byte[] document() {
        return documents.create(EvidenceType.DELIVERY, UUID.randomUUID(), subject, Instant.now(), null);
    }

    @Benchmark
    public byte[] writeUnsealedDocument() {
        return document();
    }

    @Benchmark
    public byte[] writeAndSeal() {
        return sealer.seal(document());
    }

    @Benchmark
    public EvidenceVerification verifyKnownSigner() {
        return verifier.verify(sealed);
    }

    @Benchmark
    public EvidenceVerification verifyInFull() {
        return new EvidenceVerifier(anchors, clock).verify(sealed);
    }
}
