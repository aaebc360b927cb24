package eu.lexbridge.trust.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Test PKIs made once per JVM and copied into each test that asks for the same parties, password and options: an RSA
 * key takes 0.1–0.5 s of CPU to generate, a PKI of two parties about 2 s warm and 4 s in a fresh JVM, and a test
 * suite generating one per test class spends minutes of CPU on keys nobody compares.
 *
 * <p>Use it only where a test needs <em>a</em> PKI; a test that needs a PKI of its own (one that must not chain to
 * another's CA, a "rogue" PKI, or one whose CA files it changes) calls {@link TestPki#generate} instead. The copy's
 * certificates name the CRLs and trusted lists at the locations the first PKI was written to (its
 * {@link RevocationLists} and {@link TrustedLists} locations): a directory of this JVM's temporary folder, removed at
 * exit, which nobody changes. The copy's own CRL and list files hold the same bytes.
 */
public final class SharedTestPki {

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
            made = TestPki.generate(templates().resolve(String.valueOf(MADE.size())), parties, password, options);
            MADE.put(key, made);
        }
        copyTree(made.directory(), dir);
        return made.relocatedTo(dir);
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

    private record Key(List<String> parties, String password, TestPki.Options options) {
    }
}
