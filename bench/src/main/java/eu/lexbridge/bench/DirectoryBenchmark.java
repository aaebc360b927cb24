package eu.lexbridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.lexbridge.bench.SyntheticDirectory.Kind;
import eu.lexbridge.bench.SyntheticDirectory.TaggedQuery;
import eu.lexbridge.core.authority.AuthorityRole;
import eu.lexbridge.core.authority.Instrument;
import eu.lexbridge.core.authority.Lookup;
import eu.lexbridge.core.authority.RecipientQuery;
import eu.lexbridge.core.port.SignatureVerifier;
import eu.lexbridge.directory.authority.AuthorityEntry;
import eu.lexbridge.directory.authority.Competence;
import eu.lexbridge.directory.authority.DirectoryIndex;
import eu.lexbridge.directory.authority.PostalRange;
import eu.lexbridge.directory.authority.Snapshot;
import eu.lexbridge.directory.authority.SnapshotArchive;
import eu.lexbridge.directory.authority.SnapshotReader;
import eu.lexbridge.trust.container.DetachedSeal;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.KeyFiles;
import eu.lexbridge.trust.pki.TestPki;
import eu.lexbridge.trust.port.PublisherSignatures;
import eu.lexbridge.trust.signature.XmlSealer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The competent-authorities directory with 100,000 authorities (issue 13): a lookup from the index in memory, and the
 * refresh a connector runs when a new snapshot arrives. The snapshot is {@link SyntheticDirectory}'s, the same bytes
 * in every run, read by the real {@link SnapshotReader}.
 *
 * <p>Lookups ({@code SampleTime}: every sampled call timed, so p50 and p99 are reported) cycle through 4,096
 * pre-made queries: {@link #lookup} the mix, {@link #lookupByKind} one kind at a time. Baselines on the same queries:
 * {@link #baselineAnswerMap}, the answers kept in a {@code HashMap} keyed by the query (the floor: what a cache of
 * answers would cost), and {@link #baselineScan}, one pass over every competence of the snapshot testing instrument,
 * role, country, validity, postal range and region, without scoring or building an answer (what a lookup without the
 * index would cost at least).
 *
 * <p>Refresh ({@code SingleShotTime}): {@link #refresh} opens the signed ASiC-S file as {@code SnapshotIntake} does
 * (layout, DSS check of the publisher's seal, SHA-256 and streaming parse of the JSON) and builds the index; its parts
 * {@link #refreshSealOnly}, {@link #refreshParseOnly} and {@link #refreshIndexOnly}; baselines {@link #baselineHashJson}
 * (reading the same JSON from a file and hashing it) and {@link #baselineJacksonTree} (Jackson's {@code readTree} of
 * it, a whole tree, no checks).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class DirectoryBenchmark {

    private static final char[] PASSWORD = "bench-only".toCharArray();
    /** The connector's default {@code lexbridge.directory.max-snapshot-size}. */
    private static final long MAX_JSON_BYTES = 256L * 1024 * 1024;
    private static final int QUERIES = 4096;

    /** The snapshot's JSON. */
    @State(Scope.Benchmark)
    public static class Generated {
        SyntheticDirectory synthetic;
        byte[] json;

        @Setup(Level.Trial)
        public void setUp() {
            long start = System.nanoTime();
            synthetic = new SyntheticDirectory();
            json = synthetic.json();
            System.out.printf("%n[directory] %,d authorities, %,d competences, JSON %,d bytes (%.1f MiB), made in %d ms;"
                            + " DE local authorities per family %s%n", SyntheticDirectory.AUTHORITIES,
                    synthetic.competences(), json.length, json.length / 1048576.0,
                    (System.nanoTime() - start) / 1_000_000, synthetic.postalMembers("DE"));
        }
    }

    /** The snapshot read and indexed, as a connector holds it. */
    @State(Scope.Benchmark)
    public static class Loaded {
        Snapshot snapshot;
        DirectoryIndex index;

        @Setup(Level.Trial)
        public void setUp(Generated generated) {
            long before = usedAfterGc();
            long start = System.nanoTime();
            snapshot = new SnapshotReader().read(new ByteArrayInputStream(generated.json));
            long read = System.nanoTime();
            index = new DirectoryIndex(snapshot);
            long indexed = System.nanoTime();
            long after = usedAfterGc();
            System.out.printf("[directory] read in %d ms, indexed in %d ms (cold, once); heap held by the snapshot and"
                            + " its index: %.0f MiB (used heap after a full GC, before and after)%n",
                    (read - start) / 1_000_000, (indexed - read) / 1_000_000, (after - before) / 1048576.0);
        }
    }

    /** The mix of queries, their answers in a map, and the competences flattened for the scan. */
    @State(Scope.Benchmark)
    public static class Mix {
        RecipientQuery[] queries;
        Map<RecipientQuery, Lookup> answers;
        Flat[] flat;

        @Setup(Level.Trial)
        public void setUp(Generated generated, Loaded loaded) {
            List<TaggedQuery> tagged = generated.synthetic.queries(null, QUERIES, 7);
            check(tagged, loaded.index);
            queries = tagged.stream().map(TaggedQuery::query).toArray(RecipientQuery[]::new);
            answers = new HashMap<>();
            for (RecipientQuery query : queries) {
                answers.put(query, loaded.index.find(query, SyntheticDirectory.DAY));
            }
            List<Flat> all = new ArrayList<>();
            for (AuthorityEntry entry : loaded.snapshot.authorities()) {
                for (Competence competence : entry.competences()) {
                    all.add(new Flat(entry, competence.instrument(), competence.roles(), competence.area().countries(),
                            competence.area().postalCodes(), competence.area().regions()));
                }
            }
            flat = all.toArray(Flat[]::new);
        }
    }

    /** Queries of one kind. */
    @State(Scope.Benchmark)
    public static class OfKind {
        @Param({"POSTAL", "COUNTRY", "ID", "CRITERIA", "NONE"})
        public String kind;

        RecipientQuery[] queries;

        @Setup(Level.Trial)
        public void setUp(Generated generated, Loaded loaded) {
            List<TaggedQuery> tagged = generated.synthetic.queries(Kind.valueOf(kind), QUERIES, 11);
            check(tagged, loaded.index);
            queries = tagged.stream().map(TaggedQuery::query).toArray(RecipientQuery[]::new);
        }
    }

    /** Where each thread is in its queries. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        int next() {
            return next++ & (QUERIES - 1);
        }
    }

    /** The signed snapshot file a connector receives, the publisher's seal checker, and the plain JSON beside it. */
    @State(Scope.Benchmark)
    public static class Signed {
        Path dir;
        Path file;
        Path jsonFile;
        SignatureVerifier verifier;
        byte[] signatures;
        byte[] sha256;

        @Setup(Level.Trial)
        public void setUp(Generated generated) throws Exception {
            dir = Files.createTempDirectory("lexbridge-bench-directory");
            GeneratedPki pki = TestPki.generate(dir.resolve("pki"), List.of("a"), PASSWORD);
            KeyFiles publisher = pki.directoryPublisher();
            SealKey key = SealKey.fromKeyStore(KeyStores.loadPkcs12(publisher.keyStore(), PASSWORD), publisher.alias(),
                    PASSWORD);
            sha256 = MessageDigest.getInstance("SHA-256").digest(generated.json);
            signatures = DetachedSeal.seal(new XmlSealer(key, DigestAlgorithm.SHA256, Clock.systemUTC()),
                    SnapshotArchive.JSON, sha256);
            file = dir.resolve("snapshot.asics");
            try (OutputStream out = Files.newOutputStream(file)) {
                SnapshotArchive.write(generated.json, signatures, out);
            }
            jsonFile = dir.resolve("directory.json");
            Files.write(jsonFile, generated.json);
            verifier = new PublisherSignatures(new DetachedSeal(List.of(KeyStores.readCertificate(
                    publisher.certificate())), Clock.systemUTC()));
            Snapshot opened = SnapshotArchive.open(file, verifier, MAX_JSON_BYTES);
            if (opened.authorities().size() != SyntheticDirectory.AUTHORITIES) {
                throw new IllegalStateException("the signed snapshot holds " + opened.authorities().size());
            }
            System.out.printf("[directory] signed snapshot file (ASiC-S, JSON deflated): %,d bytes (%.1f MiB);"
                    + " seal %,d bytes%n", Files.size(file), Files.size(file) / 1048576.0, signatures.length);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    record Flat(AuthorityEntry entry, Instrument instrument, Set<AuthorityRole> roles, Set<String> countries,
                List<PostalRange> postalCodes, Set<String> regions) {
    }

    // ------------------------------------------------------------------------------------------------ lookups

    @Benchmark
    public Lookup lookup(Loaded loaded, Mix mix, Cursor cursor) {
        return loaded.index.find(mix.queries[cursor.next()], SyntheticDirectory.DAY);
    }

    @Benchmark
    public Lookup lookupByKind(Loaded loaded, OfKind kind, Cursor cursor) {
        return loaded.index.find(kind.queries[cursor.next()], SyntheticDirectory.DAY);
    }

    @Benchmark
    public Lookup baselineAnswerMap(Mix mix, Cursor cursor) {
        return mix.answers.get(mix.queries[cursor.next()]);
    }

    @Benchmark
    public int baselineScan(Mix mix, Cursor cursor) {
        RecipientQuery query = mix.queries[cursor.next()];
        String country = query.placeCountry();
        int found = 0;
        for (Flat flat : mix.flat) {
            if (query.authorityId() != null && !flat.entry().id().equals(query.authorityId())
                    || query.instrument() != null && !flat.instrument().equals(query.instrument())
                    || query.role() != null && !flat.roles().contains(query.role())
                    || country != null && !flat.countries().isEmpty() && !flat.countries().contains(country)
                    || !flat.entry().validOn(SyntheticDirectory.DAY)
                    || query.region() != null && query.postalCode() == null && !flat.regions().isEmpty()
                    && !flat.regions().contains(query.region())) {
                continue;
            }
            if (query.postalCode() != null && !flat.postalCodes().isEmpty() && !inAny(flat.postalCodes(),
                    query.postalCode())) {
                continue;
            }
            found++;
        }
        return found;
    }

    private static boolean inAny(List<PostalRange> ranges, String postalCode) {
        for (PostalRange range : ranges) {
            if (range.contains(postalCode)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------------ refresh

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public DirectoryIndex refresh(Signed signed) {
        return new DirectoryIndex(SnapshotArchive.open(signed.file, signed.verifier, MAX_JSON_BYTES));
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public SignatureVerifier.Verdict refreshSealOnly(Signed signed) {
        SignatureVerifier.Verdict verdict = signed.verifier.verifyDetached(signed.signatures, SnapshotArchive.JSON,
                signed.sha256);
        if (!verdict.valid()) {
            throw new IllegalStateException("the benchmark's seal does not verify: " + verdict.problems());
        }
        return verdict;
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public Snapshot refreshParseOnly(Generated generated) {
        return new SnapshotReader().read(new ByteArrayInputStream(generated.json));
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public DirectoryIndex refreshIndexOnly(Loaded loaded) {
        return new DirectoryIndex(loaded.snapshot);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public byte[] baselineHashJson(Signed signed) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(signed.jsonFile)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                sha256.update(buffer, 0, n);
            }
        }
        return sha256.digest();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public JsonNode baselineJacksonTree(Signed signed) throws IOException {
        return new ObjectMapper().readTree(signed.jsonFile.toFile());
    }

    // ------------------------------------------------------------------------------------------------ checks

    /** Each kind of query finds what it is meant to, so a fast figure is not a wrong answer. */
    static void check(List<TaggedQuery> tagged, DirectoryIndex index) {
        Map<Kind, int[]> seen = new EnumMap<>(Kind.class);
        for (TaggedQuery query : tagged) {
            Lookup found = index.find(query.query(), SyntheticDirectory.DAY);
            int matches = found.matches().size();
            int undecided = found.undecided().size();
            boolean expected = switch (query.kind()) {
                case POSTAL, CRITERIA -> matches == 1;
                case COUNTRY -> matches == 0 && undecided > 0;
                case ID -> matches <= 1 && undecided == 0;
                case NONE -> matches == 0 && undecided == 0;
            };
            if (!expected) {
                throw new IllegalStateException(query.kind() + " query " + query.query().describe() + " found "
                        + matches + " and " + undecided + " undecided");
            }
            int[] counts = seen.computeIfAbsent(query.kind(), k -> new int[3]);
            counts[0]++;
            counts[1] += matches + undecided;
            counts[2] = Math.max(counts[2], matches + undecided);
        }
        StringBuilder line = new StringBuilder("[directory] queries:");
        seen.forEach((kind, counts) -> line.append(String.format(" %s %d (authorities per answer: mean %.1f, max %d);",
                kind, counts[0], counts[1] / (double) counts[0], counts[2])));
        System.out.println(line);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
