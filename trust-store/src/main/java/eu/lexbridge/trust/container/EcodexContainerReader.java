package eu.lexbridge.trust.container;

import static eu.lexbridge.trust.container.ContainerRejectedException.Reason.COMPRESSION_RATIO;
import static eu.lexbridge.trust.container.ContainerRejectedException.Reason.DUPLICATE_ENTRY;
import static eu.lexbridge.trust.container.ContainerRejectedException.Reason.EXTRA_SIGNATURE;
import static eu.lexbridge.trust.container.ContainerRejectedException.Reason.HEADERS_DISAGREE;
import static eu.lexbridge.trust.container.ContainerRejectedException.Reason.MIMETYPE_WRONG;
import static eu.lexbridge.trust.container.ContainerRejectedException.Reason.MORE_THAN_ONE_SIGNED_OBJECT;
import static eu.lexbridge.trust.container.ContainerRejectedException.Reason.NOT_A_ZIP;
import static eu.lexbridge.trust.container.ContainerRejectedException.Reason.PATH_TRAVERSAL;
import static eu.lexbridge.trust.container.ContainerRejectedException.Reason.SIGNATURE_MISSING;
import static eu.lexbridge.trust.container.ContainerRejectedException.Reason.SIGNED_OBJECT_MISSING;
import static eu.lexbridge.trust.container.ContainerRejectedException.Reason.TARGET_EXISTS;
import static eu.lexbridge.trust.container.ContainerRejectedException.Reason.TOO_LARGE;
import static eu.lexbridge.trust.container.ContainerRejectedException.Reason.TOO_MANY_ENTRIES;
import static eu.lexbridge.trust.container.ContainerRejectedException.Reason.UNEXPECTED_ENTRY;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.trust.signature.RevocationSettings;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an e-CODEX ASiC-S container by streaming: checks its structure (a right mimetype if any; exactly one signed
 * data object; exactly one signature file), verifies the detached XAdES signature over the signed object's digest
 * (integrity and trust reported apart), and extracts the entries of SignedContent.zip.
 *
 * <p>It reads every container DSS's ASiC validator reads as a sound ASiC-S: a deviation from how EN 319 162-1 asks the
 * container to be written (mimetype not first, compressed or missing, an odd zip comment) is a {@link ContainerNotice}
 * on the result, not a refusal; the official e-CODEX connector writes mimetype last. What is unsafe or not covered by
 * the seal is refused all the same.
 *
 * <p>Defences: the signed object streams to a temporary file, bounded by {@link ContainerLimits#maxTotalBytes()};
 * SignedContent.zip is checked for entry count, duplicate names (ignoring case), unsafe names (path traversal,
 * absolute, backslash) before anything is written, then extracted into a temporary directory beside the target while
 * every entry's real inflated size is held to the total and compression-ratio limits; the directory is moved to the
 * target only when all went well. A refused container raises {@link ContainerRejectedException} and leaves nothing.
 *
 * <p>Only an intact and trusted container is extracted; otherwise the result carries the verification alone.
 */
public final class EcodexContainerReader {

    private static final Logger LOG = LoggerFactory.getLogger(EcodexContainerReader.class);
    private static final int BUFFER = 64 * 1024;
    /**
     * The last bytes of the container kept while it streams past, to read its central directory at the end: that of an
     * e-CODEX container (four entries) is a few hundred bytes, a zip comment at most 64 KiB.
     */
    private static final int TAIL = 128 * 1024;
    /** The two digests computed while the signed object streams past; a reference with another one is not intact. */
    private static final List<DigestAlgorithm> DIGESTS = List.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA512);
    /** The zip comment EN 319 162-1 annex A.1 foresees, which our builder writes. */
    private static final String ASIC_COMMENT = "mimetype=" + EcodexContainer.MIME_TYPE;

    private final ContainerSignatureVerifier verifier;
    private final ContainerLimits limits;
    private final Path tempDirectory;

    /**
     * An offline reader: revocation is not checked ({@link RevocationSettings#OFF}).
     *
     * @param trustAnchors certificates trusted to issue (or be) container-seal certificates
     * @param tempDirectory where the signed object is staged, or {@code null} for the system's temporary directory
     */
    public EcodexContainerReader(Collection<X509Certificate> trustAnchors, Clock clock, ContainerLimits limits,
                                 Path tempDirectory) {
        this(trustAnchors, RevocationSettings.OFF, clock, limits, tempDirectory);
    }

    /**
     * @param trustAnchors certificates trusted to issue (or be) container-seal certificates
     * @param revocation whether the container-seal certificate's revocation status is fetched (a revoked one makes
     *     the container untrusted and nothing is extracted), and how long a fetch may take
     * @param tempDirectory where the signed object is staged, or {@code null} for the system's temporary directory
     */
    public EcodexContainerReader(Collection<X509Certificate> trustAnchors, RevocationSettings revocation, Clock clock,
                                 ContainerLimits limits, Path tempDirectory) {
        Objects.requireNonNull(trustAnchors, "trustAnchors");
        Objects.requireNonNull(revocation, "revocation");
        Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.verifier = new ContainerSignatureVerifier(trustAnchors, revocation, clock);
        this.tempDirectory = tempDirectory;
    }

    /** An offline reader with {@link ContainerLimits#DEFAULT}, staging in the system's temporary directory. */
    public EcodexContainerReader(Collection<X509Certificate> trustAnchors, Clock clock) {
        this(trustAnchors, clock, ContainerLimits.DEFAULT, null);
    }

    /** A reader checking revocation as {@code revocation} says, with {@link ContainerLimits#DEFAULT}. */
    public EcodexContainerReader(Collection<X509Certificate> trustAnchors, RevocationSettings revocation,
                                 Clock clock) {
        this(trustAnchors, revocation, clock, ContainerLimits.DEFAULT, null);
    }

    /**
     * Checks the container and verifies its signature; extracts nothing, but when the signature is intact and trusted
     * SignedContent.zip's entries are still checked against the limits and name rules (from its central directory).
     *
     * @throws ContainerRejectedException when the container is refused
     */
    public ContainerVerification verify(InputStream container) {
        return open(container, null).verification();
    }

    /**
     * As {@link #open(InputStream, Path)}, and the container's seal must be by {@code expectedSigner}: that very
     * certificate or one issued to the same subject by the same issuer (a renewal); otherwise the signer is not trusted
     * ({@link ContainerProblem.Code#SIGNER_NOT_EXPECTED}) and nothing is extracted.
     *
     * @param expectedSigner the sending partner's pinned container-seal certificate, or {@code null} to accept any
     *     signer chaining to a trust anchor
     */
    public OpenedContainer open(InputStream container, Path target, X509Certificate expectedSigner) {
        Objects.requireNonNull(container, "container");
        try {
            OpenedContainer opened = openChecked(container, target, expectedSigner);
            if (!opened.verification().valid()) {
                LOG.warn("Security event: e-CODEX container signature {} by {}: {}",
                        opened.verification().intact() ? "intact but not trusted" : "not intact",
                        LogSafe.of(opened.verification().signerSubject()),
                        LogSafe.of(opened.verification().problems(), 4096));
            }
            if (!opened.notices().isEmpty()) {
                // Names entries and codes only, never content.
                LOG.info("e-CODEX container read with format notices: {}", LogSafe.of(opened.notices(), 1024));
            }
            return opened;
        } catch (ContainerRejectedException e) {
            // The message quotes entry names from the container.
            LOG.warn("Security event: e-CODEX container refused: {}", LogSafe.of(e.getMessage(), 1024));
            throw e;
        }
    }

    /**
     * Opens the container and, when its signature is intact and trusted, extracts SignedContent.zip's entries into the
     * new directory {@code target}.
     *
     * @param target a directory that does not exist yet (its parent must), or {@code null} to extract nothing
     * @throws ContainerRejectedException when the container is refused; nothing is written then
     * @throws UncheckedIOException when the input cannot be read or the output cannot be written
     */
    public OpenedContainer open(InputStream container, Path target) {
        return open(container, target, null);
    }

    private OpenedContainer openChecked(InputStream container, Path target, X509Certificate expectedSigner) {
        if (target != null && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new ContainerRejectedException(TARGET_EXISTS, "the extraction target " + target + " exists");
        }
        Path staged = null;
        try {
            staged = createTemp();
            Outer outer = readOuter(container, staged);
            ContainerVerification verification = verifier.verify(outer.signatures, outer.signedObject,
                    outer.digests, expectedSigner);
            if (!verification.valid()) {
                // Content that is not intact or not trusted is neither inspected further nor extracted.
                return new OpenedContainer(verification, null, List.of(), outer.notices);
            }
            try (ZipFile zip = openInner(staged)) {
                checkInner(zip);
                // ZipFile names entries from the central directory; a back-end's unzip may stream local headers.
                CentralDirectory.checkLocalNames(staged, EcodexContainer.SIGNED_CONTENT);
                if (target == null) {
                    return new OpenedContainer(verification, null, List.of(), outer.notices);
                }
                return new OpenedContainer(verification, target, extract(zip, target), outer.notices);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the e-CODEX container: " + e.getMessage(), e);
        } finally {
            EcodexContainerBuilder.deleteQuietly(staged);
        }
    }

    /** Opens the container file. */
    public OpenedContainer open(Path container, Path target) {
        try (InputStream in = Files.newInputStream(container)) {
            return open(in, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the container " + container + ": " + e.getMessage(), e);
        }
    }

    private record Outer(String signedObject, Map<DigestAlgorithm, byte[]> digests, byte[] signatures,
                         List<ContainerNotice> notices) {
    }

    private Outer readOuter(InputStream container, Path staged) throws IOException {
        CountingInputStream counted = new CountingInputStream(new BufferedInputStream(container, BUFFER));
        ZipInputStream zip = new ZipInputStream(counted);
        Set<String> names = new HashSet<>();
        List<String> localNames = new ArrayList<>();
        String signedObject = null;
        Map<DigestAlgorithm, byte[]> digests = null;
        byte[] signatures = null;
        List<ContainerNotice> notices = new ArrayList<>();
        boolean mimetype = false;
        int count = 0;
        try {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                localNames.add(name);
                if (++count > limits.maxEntries()) {
                    throw new ContainerRejectedException(TOO_MANY_ENTRIES, "the container has more than "
                            + limits.maxEntries() + " entries");
                }
                String unsafe = EntryNames.problem(name);
                if (unsafe != null) {
                    throw new ContainerRejectedException(PATH_TRAVERSAL, "container entry '" + printable(name) + "': "
                            + unsafe);
                }
                if (!names.add(name.toLowerCase(Locale.ROOT))) {
                    throw new ContainerRejectedException(DUPLICATE_ENTRY, "the container has two entries named '"
                            + printable(name) + "'");
                }
                if (name.equals(EcodexContainer.MIMETYPE_ENTRY)) {
                    mimetype = true;
                    notices.addAll(checkMimetype(zip, entry, count));
                    continue;
                }
                if (entry.isDirectory()) {
                    if (!name.equals("META-INF/")) {
                        throw new ContainerRejectedException(UNEXPECTED_ENTRY, "the container has a directory '"
                                + name + "'");
                    }
                } else if (name.equals(EcodexContainer.SIGNATURES)) {
                    signatures = readBounded(zip, limits.maxSignatureBytes(), name);
                } else if (name.startsWith("META-INF/")) {
                    String lower = name.toLowerCase(Locale.ROOT);
                    if (lower.contains("signature") || lower.endsWith(".p7s") || lower.contains("timestamp")
                            || lower.endsWith(".tst")) {
                        throw new ContainerRejectedException(EXTRA_SIGNATURE, "a further signature file '" + name
                                + "'; an e-CODEX container has " + EcodexContainer.SIGNATURES + " alone");
                    }
                    throw new ContainerRejectedException(UNEXPECTED_ENTRY, "the container has an entry '" + name
                            + "' an e-CODEX ASiC-S container does not have");
                } else if (name.contains("/")) {
                    throw new ContainerRejectedException(UNEXPECTED_ENTRY, "the container has an entry '" + name
                            + "' below the root; ASiC-S signs one object at the root");
                } else {
                    if (signedObject != null) {
                        throw new ContainerRejectedException(MORE_THAN_ONE_SIGNED_OBJECT, "'" + signedObject
                                + "' and '" + name + "': an ASiC-S container signs exactly one data object");
                    }
                    signedObject = name;
                    digests = stage(zip, counted, staged, name);
                }
            }
        } catch (ZipException e) {
            throw new ContainerRejectedException(NOT_A_ZIP, "the container is not a readable zip: " + e.getMessage(),
                    e);
        } catch (EOFException e) {
            // Found by fuzzing: a zip cut inside a local header was an UncheckedIOException, not a refusal.
            throw new ContainerRejectedException(NOT_A_ZIP, "the container ends inside a zip entry (truncated)", e);
        } catch (IllegalArgumentException e) {
            // Found by fuzzing: ZipInputStream throws this for an entry name that is not UTF-8.
            throw new ContainerRejectedException(NOT_A_ZIP, "an entry name of the container is not valid UTF-8", e);
        }
        if (count == 0) {
            throw new ContainerRejectedException(NOT_A_ZIP, "the container has no zip entries");
        }
        String comment = checkCentralDirectory(counted, localNames);
        if (signedObject == null) {
            throw new ContainerRejectedException(SIGNED_OBJECT_MISSING, "the container has no signed data object");
        }
        if (signatures == null) {
            throw new ContainerRejectedException(SIGNATURE_MISSING, "the container has no "
                    + EcodexContainer.SIGNATURES);
        }
        if (!mimetype) {
            notices.add(new ContainerNotice(ContainerNotice.Code.MIMETYPE_MISSING, "the container has no 'mimetype' "
                    + "entry; it is read as ASiC-S from its structure (one data object, " + EcodexContainer.SIGNATURES
                    + ")"));
        }
        if (comment != null && !comment.equals(ASIC_COMMENT)) {
            notices.add(new ContainerNotice(ContainerNotice.Code.ZIP_COMMENT, "the zip carries a comment of "
                    + comment.length() + " characters other than '" + ASIC_COMMENT + "'; it is not signed and is "
                    + "ignored"));
        }
        return new Outer(signedObject, digests, signatures, notices);
    }

    /**
     * The entries were read from their local headers; the central directory at the end must list the same names in
     * the same order, or another tool (DSS, unzip) would see another container.
     */
    private static String checkCentralDirectory(CountingInputStream counted, List<String> localNames)
            throws IOException {
        if (counted.skipToEnd() > TAIL) {
            throw new ContainerRejectedException(HEADERS_DISAGREE, "the container has more than " + TAIL
                    + " bytes after its last entry");
        }
        byte[] tail = counted.tail();
        CentralDirectory central = CentralDirectory.read(tail, counted.count - tail.length, "the container");
        for (int i = 0; i < Math.max(localNames.size(), central.names().size()); i++) {
            String local = i < localNames.size() ? localNames.get(i) : "(none)";
            String listed = i < central.names().size() ? central.names().get(i) : "(none)";
            if (!local.equals(listed)) {
                throw CentralDirectory.disagree("the container", local, listed);
            }
        }
        return central.comment();
    }

    /**
     * A wrong media type is refused (the container is not an ASiC-S); where mimetype stands and whether it is
     * compressed are the writer's business (EN 319 162-1 annex A.1) and reported as notices.
     *
     * @param position the entry's position in the container, from 1
     */
    private static List<ContainerNotice> checkMimetype(ZipInputStream zip, ZipEntry entry, int position)
            throws IOException {
        byte[] value = readBounded(zip, 256, "mimetype");
        String mimetype = new String(value, StandardCharsets.US_ASCII);
        if (!mimetype.equals(EcodexContainer.MIME_TYPE)) {
            throw new ContainerRejectedException(MIMETYPE_WRONG, "the mimetype is '" + printable(mimetype) + "', not '"
                    + EcodexContainer.MIME_TYPE + "'");
        }
        List<ContainerNotice> notices = new ArrayList<>();
        if (position != 1) {
            notices.add(new ContainerNotice(ContainerNotice.Code.MIMETYPE_NOT_FIRST, "'mimetype' is entry "
                    + position + " of the container, not the first, where ETSI EN 319 162-1 asks a writer to put it"));
        }
        if (entry.getMethod() != ZipEntry.STORED) {
            notices.add(new ContainerNotice(ContainerNotice.Code.MIMETYPE_COMPRESSED, "'mimetype' is compressed, "
                    + "not stored as ETSI EN 319 162-1 asks a writer to"));
        }
        return notices;
    }

    /** Copies the signed object to {@code staged}, digesting it, within the size and ratio limits. */
    private Map<DigestAlgorithm, byte[]> stage(ZipInputStream zip, CountingInputStream counted, Path staged,
                                               String name) throws IOException {
        List<MessageDigest> digests = new ArrayList<>();
        for (DigestAlgorithm algorithm : DIGESTS) {
            digests.add(digest(algorithm.getJavaName()));
        }
        long compressedStart = counted.count;
        long total = 0;
        byte[] buffer = new byte[BUFFER];
        try (OutputStream out = Files.newOutputStream(staged)) {
            for (int n; (n = zip.read(buffer)) > 0; ) {
                total += n;
                if (total > limits.maxTotalBytes()) {
                    throw new ContainerRejectedException(TOO_LARGE, "'" + name + "' is larger than "
                            + limits.maxTotalBytes() + " bytes");
                }
                checkRatio(name, total, counted.count - compressedStart);
                for (MessageDigest digest : digests) {
                    digest.update(buffer, 0, n);
                }
                out.write(buffer, 0, n);
            }
        }
        Map<DigestAlgorithm, byte[]> result = new LinkedHashMap<>();
        for (int i = 0; i < DIGESTS.size(); i++) {
            result.put(DIGESTS.get(i), digests.get(i).digest());
        }
        return result;
    }

    private void checkRatio(String name, long inflated, long compressed) {
        if (inflated > limits.ratioThresholdBytes()
                && inflated > (long) limits.maxCompressionRatio() * Math.max(compressed, 1)) {
            throw new ContainerRejectedException(COMPRESSION_RATIO, "'" + printable(name) + "' inflates more than "
                    + limits.maxCompressionRatio() + " times (" + inflated + " bytes from " + compressed
                    + "): a zip bomb");
        }
    }

    private static ZipFile openInner(Path staged) throws IOException {
        try {
            return new ZipFile(staged.toFile());
        } catch (ZipException e) {
            throw new ContainerRejectedException(NOT_A_ZIP, EcodexContainer.SIGNED_CONTENT + " is not a readable zip: "
                    + e.getMessage(), e);
        }
    }

    /** Names, duplicates and counts, from the central directory, before anything is written. */
    private void checkInner(ZipFile zip) {
        Set<String> names = new HashSet<>();
        int count = 0;
        long declared = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (++count > limits.maxEntries()) {
                throw new ContainerRejectedException(TOO_MANY_ENTRIES, EcodexContainer.SIGNED_CONTENT
                        + " has more than " + limits.maxEntries() + " entries");
            }
            String name = entry.getName();
            String unsafe = EntryNames.problem(name);
            if (unsafe != null) {
                throw new ContainerRejectedException(PATH_TRAVERSAL, "entry '" + printable(name) + "' of "
                        + EcodexContainer.SIGNED_CONTENT + ": " + unsafe);
            }
            String key = (name.endsWith("/") ? name.substring(0, name.length() - 1) : name).toLowerCase(Locale.ROOT);
            if (!names.add(key)) {
                throw new ContainerRejectedException(DUPLICATE_ENTRY, EcodexContainer.SIGNED_CONTENT
                        + " has two entries named '" + name + "'");
            }
            if (entry.getSize() > 0) {
                declared += entry.getSize();
                if (declared > limits.maxTotalBytes()) {
                    throw new ContainerRejectedException(TOO_LARGE, EcodexContainer.SIGNED_CONTENT + " declares more "
                            + "than " + limits.maxTotalBytes() + " uncompressed bytes");
                }
                if (entry.getCompressedSize() >= 0) {
                    checkRatio(name, entry.getSize(), entry.getCompressedSize());
                }
            }
        }
    }

    private List<ExtractedEntry> extract(ZipFile zip, Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path work = Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + ".extract-");
        boolean done = false;
        try {
            List<ExtractedEntry> extracted = new ArrayList<>();
            long total = 0;
            byte[] buffer = new byte[BUFFER];
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                Path file = work.resolve(name).normalize();
                if (!file.startsWith(work) || file.equals(work)) {
                    throw new ContainerRejectedException(PATH_TRAVERSAL, "entry '" + printable(name)
                            + "' resolves outside the target directory");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                    continue;
                }
                Files.createDirectories(file.getParent());
                MessageDigest digest = digest("SHA-256");
                long size = 0;
                long compressed = Math.max(entry.getCompressedSize(), 1);
                try (InputStream in = zip.getInputStream(entry);
                     OutputStream out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.CREATE_NEW)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        size += n;
                        total += n;
                        if (total > limits.maxTotalBytes()) {
                            throw new ContainerRejectedException(TOO_LARGE, EcodexContainer.SIGNED_CONTENT
                                    + " inflates to more than " + limits.maxTotalBytes() + " bytes");
                        }
                        checkRatio(name, size, compressed);
                        digest.update(buffer, 0, n);
                        out.write(buffer, 0, n);
                    }
                } catch (FileAlreadyExistsException e) {
                    throw new ContainerRejectedException(DUPLICATE_ENTRY, "entry '" + name + "' collides with "
                            + "another entry", e);
                } catch (ZipException e) {
                    throw new ContainerRejectedException(NOT_A_ZIP, "entry '" + name + "' of "
                            + EcodexContainer.SIGNED_CONTENT + " is corrupt: " + e.getMessage(), e);
                }
                extracted.add(new ExtractedEntry(name, absolute.resolve(name), size, digest.digest()));
            }
            try {
                Files.move(work, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                throw new ContainerRejectedException(TARGET_EXISTS, "the extraction target " + target
                        + " appeared meanwhile", e);
            }
            done = true;
            return extracted;
        } finally {
            if (!done) {
                deleteTree(work);
            }
        }
    }

    private static byte[] readBounded(InputStream in, int max, String name) throws IOException {
        byte[] bytes = in.readNBytes(max + 1);
        if (bytes.length > max) {
            throw new ContainerRejectedException(TOO_LARGE, "'" + name + "' is larger than " + max + " bytes");
        }
        return bytes;
    }

    private Path createTemp() throws IOException {
        return tempDirectory == null ? Files.createTempFile(".container-", ".staged")
                : Files.createTempFile(tempDirectory, ".container-", ".staged");
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(EcodexContainerBuilder::deleteQuietly);
        } catch (IOException ignored) {
            // best effort; a hidden temporary directory beside the target
        }
    }

    /** An entry name for a message: control characters as '?', at most 200 characters. */
    static String printable(String name) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < name.length() && i < 200; i++) {
            char c = name.charAt(i);
            s.append(Character.isISOControl(c) ? '?' : c);
        }
        return s.toString();
    }

    /** Counts the bytes read and keeps the last {@link #TAIL} of them. */
    private static final class CountingInputStream extends FilterInputStream {
        long count;
        private final byte[] ring = new byte[TAIL];

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                ring[(int) (count % TAIL)] = (byte) b;
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                record(b, off, n);
                count += n;
            }
            return n;
        }

        private void record(byte[] b, int off, int n) {
            int skipped = Math.max(0, n - TAIL);
            long position = count + skipped;
            int from = off + skipped;
            for (int length = n - skipped; length > 0; ) {
                int at = (int) (position % TAIL);
                int chunk = Math.min(length, TAIL - at);
                System.arraycopy(b, from, ring, at, chunk);
                from += chunk;
                position += chunk;
                length -= chunk;
            }
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipped bytes must pass through the ring too.
            byte[] buffer = new byte[(int) Math.min(n, BUFFER)];
            int read = read(buffer, 0, buffer.length);
            return Math.max(read, 0);
        }

        /** Reads to the end, stopping after a little more than {@link #TAIL} bytes; returns how many it read. */
        long skipToEnd() throws IOException {
            long skipped = 0;
            byte[] buffer = new byte[8192];
            for (int n; skipped <= TAIL && (n = read(buffer, 0, buffer.length)) > 0; ) {
                skipped += n;
            }
            return skipped;
        }

        /** The last bytes read, up to {@link #TAIL} of them, in order. */
        byte[] tail() {
            int length = (int) Math.min(count, TAIL);
            byte[] tail = new byte[length];
            for (int i = 0; i < length; i++) {
                tail[i] = ring[(int) ((count - length + i) % TAIL)];
            }
            return tail;
        }
    }
}
