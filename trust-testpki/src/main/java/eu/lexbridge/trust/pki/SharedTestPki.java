package eu.lexbridge.trust.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Test PKIs made once and copied into each test that asks for the same parties, password and options: an RSA key
 * takes 0.1–0.5 s of CPU to generate (several times that in a JVM on the client compiler only), a PKI of two parties
 * about 2 s warm and 4 s in a fresh JVM, and a test suite generating one per test class spends minutes of CPU on keys
 * nobody compares.
 *
 * <p>Made once per JVM, or once per build when the system property {@value #KEEP_IN} names a directory (the build sets
 * it for every test JVM): the first JVM to need a PKI generates it there, holding a file lock so that a JVM beside it
 * waits for it rather than generating its own, and the others copy it. A kept PKI older than {@link #KEPT_FOR} is
 * generated again, long before its CRLs' next update (a week).
 *
 * <p>Use it only where a test needs <em>a</em> PKI; a test that needs a PKI of its own (one that must not chain to
 * another's CA, a "rogue" PKI, or one whose CA files it changes) calls {@link TestPki#generate} instead. The copy's
 * certificates name the CRLs and trusted lists at the locations the first PKI was written to (its
 * {@link RevocationLists} and {@link TrustedLists} locations): the kept directory, or a directory of this JVM's
 * temporary folder removed at exit, which nobody changes. The copy's own CRL and list files hold the same bytes.
 */
public final class SharedTestPki {

    /** The system property naming the directory where PKIs are kept for the other JVMs of the same build. */
    public static final String KEEP_IN = "lexbridge.test-pki.kept";
    /** How long a kept PKI is used: hours, against CRLs that are current for a week. */
    static final Duration KEPT_FOR = Duration.ofHours(12);

    private static final Map<Key, GeneratedPki> MADE = new HashMap<>();
    private static Path templates;

    private SharedTestPki() {
    }

    /** {@link #copyTo(Path, List, char[], TestPki.Options)} with {@link TestPki.Options#defaults()}. */
    public static GeneratedPki copyTo(Path dir, List<String> parties, char[] password) {
        return copyTo(dir, parties, password, TestPki.Options.defaults());
    }

    /**
     * Writes under {@code dir} the files {@link TestPki#generate} would write for these arguments, copied from the PKI
     * this JVM made for them first (made now, if none was).
     *
     * @return the copy, its paths under {@code dir}
     */
    public static synchronized GeneratedPki copyTo(Path dir, List<String> parties, char[] password,
                                                   TestPki.Options options) {
        Key key = new Key(List.copyOf(parties), String.valueOf(password), options);
        GeneratedPki made = MADE.get(key);
        if (made == null) {
            String kept = System.getProperty(KEEP_IN, "");
            made = kept.isBlank()
                    ? TestPki.generate(templates().resolve(String.valueOf(MADE.size())), parties, password, options)
                    : kept(Path.of(kept), key);
            MADE.put(key, made);
        }
        copyTree(made.directory(), dir);
        return made.relocatedTo(dir);
    }

    /**
     * The PKI for {@code key} kept under {@code directory}: generated there first if no JVM did yet, or if the one
     * there is older than {@link #KEPT_FOR}. One JVM at a time, by a lock file beside it.
     */
    static GeneratedPki kept(Path directory, Key key) {
        Path pki = directory.resolve(key.name());
        // beside the PKI, not in it: a copy takes the PKI's directory whole
        Path complete = directory.resolve(key.name() + ".complete");
        try {
            Files.createDirectories(directory);
            try (FileChannel lockFile = FileChannel.open(directory.resolve(key.name() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = lockFile.lock()) {
                if (Files.exists(complete) && Files.getLastModifiedTime(complete).toInstant()
                        .isAfter(Instant.now().minus(KEPT_FOR))) {
                    return TestPki.layout(pki, key.parties(), key.options());
                }
                Files.deleteIfExists(complete);
                if (Files.exists(pki)) {
                    delete(pki);
                }
                GeneratedPki made = TestPki.generate(pki, key.parties(), key.password().toCharArray(), key.options());
                Files.createFile(complete);
                return made;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a test PKI under " + directory, e);
        }
    }

    private static Path templates() {
        if (templates == null) {
            try {
                templates = Files.createTempDirectory("lexbridge-shared-pki");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path made = templates;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(made), "shared-test-pki-cleanup"));
        }
        return templates;
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    // COPY_ATTRIBUTES keeps the owner-only permissions of the key stores
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the test PKI to " + to, e);
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // the JVM is ending; a temporary folder left behind is all that is lost
        }
    }

    record Key(List<String> parties, String password, TestPki.Options options) {

        /** The classes whose code decides what a generated PKI holds. */
        private static final List<Class<?>> GENERATOR = List.of(TestPki.class, TestCertificateAuthority.class,
                TrustedListDocuments.class, ListSignature.class);

        /**
         * A directory name for what the PKI is made of: the same arguments and the same generator, the same name, in
         * every JVM. The generator's classes count, so that a PKI kept by an older build of them (a build without
         * {@code clean}) is not taken for one of the new kind.
         */
        String name() {
            try {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                for (Class<?> generator : GENERATOR) {
                    try (InputStream in = generator.getResourceAsStream(generator.getSimpleName() + ".class")) {
                        if (in != null) {
                            sha256.update(in.readAllBytes());
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                byte[] digest = sha256.digest((String.join(",", parties) + "\n" + password + "\n"
                        + options.crlBaseUri() + "\n" + options.listBaseUri()).getBytes(StandardCharsets.UTF_8));
                String named = String.join("-", parties);
                return named.substring(0, Math.min(40, named.length())) + "-" + HexFormat.of().formatHex(digest, 0, 8);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }
    }
}
