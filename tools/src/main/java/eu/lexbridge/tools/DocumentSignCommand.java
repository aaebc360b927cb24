package eu.lexbridge.tools;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.lexbridge.tools.demo.Demo;
import eu.lexbridge.trust.document.DocumentLimits;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.pki.TestPki;
import eu.lexbridge.trust.signature.PdfSealer;
import eu.lexbridge.trust.signature.XmlSealer;
import eu.lexbridge.trust.xml.SecureXmlInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lexbridge document sign FILE --party P --out SEALED}: what a back-end does before it submits to a service
 * whose document policy is QUALIFIED, done by hand with a party's qualified document seal of the test PKI.
 */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Seal a PDF (PAdES-BASELINE-B) or an XML document (enveloped XAdES-BASELINE-B) with a party's "
                + "qualified document seal from a test PKI (never for production): a document to submit by hand to a "
                + "service whose document policy is QUALIFIED. `document verify` with the PKI's trusted lists "
                + "reports it QUALIFIED.",
                "Exit 0: sealed; 2: unusable input (a missing file, a party the PKI does not have, a document that "
                        + "is neither PDF nor XML, XML with a DOCTYPE, a wrong password)."})
final class DocumentSignCommand implements Callable<Integer> {

    /** The names {@code pki init} accepts are directory names; nothing here may point outside the PKI. */
    private static final Pattern PARTY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final String DOCUMENT_SEAL_FILE = "document-seal.p12";

    @Parameters(index = "0", paramLabel = "FILE", description = "The PDF or XML document to seal")
    Path file;

    @Option(names = "--party", required = true, paramLabel = "PARTY",
            description = "Whose document seal: a party of the test PKI, e.g. at-prosecutor")
    String party;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the sealed document")
    Path out;

    @Option(names = "--pki", paramLabel = "DIR", defaultValue = Demo.PKI_DIRECTORY,
            description = "The test PKI, as `pki init` or the demo writes it (default: ${DEFAULT-VALUE})")
    Path pki;

    @Option(names = "--password", interactive = true, arity = "0..1",
            description = "Password of the PKI's key stores (default: the demo's; without a value: asked for)")
    char[] password;

    private enum Kind {
        PDF("PAdES-BASELINE-B"), XML("XAdES-BASELINE-B, enveloped");

        final String signature;

        Kind(String signature) {
            this.signature = signature;
        }
    }

    @Override
    public Integer call() {
        try {
            Path directory = out.toAbsolutePath().getParent();
            if (!Files.isDirectory(directory)) {
                throw new Unusable("Cannot write " + out + ": its directory " + directory + " does not exist.");
            }
            byte[] document = read();
            Kind kind = kindOf(document);
            SealKey key = key();
            byte[] sealed = seal(kind, document, key);
            write(sealed);
            System.out.println("sealed       " + file.getFileName() + " -> " + out + " (" + kind.signature + ")");
            System.out.println("seal         qualified document seal of " + party + ": "
                    + key.certificate().getSubjectX500Principal().getName());
            Path lists = pki.resolve("tl");
            if (Files.isRegularFile(lists.resolve("lotl.xml"))) {
                System.out.println("verify with  ./lexbridge document verify " + out + " --trust "
                        + lists.resolve("lotl.xml") + " --list-signer " + lists.resolve("lotl-signer.crt"));
            }
            return 0;
        } catch (Unusable e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }

    private byte[] read() {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new Unusable(file + " is not a readable file.");
        }
        long limit = DocumentLimits.DEFAULTS.maxSize();
        try {
            if (Files.size(file) > limit) {
                throw new Unusable(file + " is larger than " + limit / (1024 * 1024) + " MB, the largest document "
                        + "the connector validates.");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new Unusable(file + " cannot be read: " + e.getMessage() + ".");
        }
    }

    /** By content, not by name: what the connector's document check will see. */
    private Kind kindOf(byte[] document) {
        if (startsWith(document, "%PDF-")) {
            return Kind.PDF;
        }
        int start = startsWith(document, "\uFEFF") ? 3 : 0;
        while (start < document.length && Character.isWhitespace(document[start])) {
            start++;
        }
        if (start < document.length && document[start] == '<') {
            requireWellFormed(document);
            return Kind.XML;
        }
        throw new Unusable(file + " is neither a PDF nor an XML document; only those can be sealed.");
    }

    /**
     * Read once by our own parser first: the one DSS uses prints a "[Fatal Error]" line of its own on stderr for XML
     * that is not well-formed, and would read a DOCTYPE.
     */
    private void requireWellFormed(byte[] document) {
        try {
            XMLStreamReader reader = SecureXmlInput.reader(new ByteArrayInputStream(document), () -> new Unusable(
                    file + " is XML with a DOCTYPE, which the connector refuses; remove it first."));
            while (reader.hasNext()) {
                reader.next();
            }
        } catch (XMLStreamException e) {
            // The JDK's message is "ParseError at [row,col]:[1,16]\nMessage: ...": one line of it is enough.
            String message = e.getMessage() == null ? "" : e.getMessage();
            int at = message.indexOf("Message: ");
            String reason = (at >= 0 ? message.substring(at + "Message: ".length()) : message).strip();
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber()
                            + ")";
            throw new Unusable(file + " is not well-formed XML" + where + ": " + reason.replaceAll("\\s+", " "));
        }
    }

    private SealKey key() {
        if (!PARTY.matcher(party).matches() || !Files.isRegularFile(pki.resolve(party).resolve(DOCUMENT_SEAL_FILE))) {
            List<String> parties = parties();
            throw new Unusable(parties.isEmpty()
                    ? pki + " holds no test PKI; run ./lexbridge demo, or ./lexbridge pki init --dir " + pki
                            + ", first."
                    : "The test PKI in " + pki + " has no party '" + party + "'; its parties: "
                            + String.join(", ", parties) + ".");
        }
        char[] secret = password != null ? password : Demo.PKI_PASSWORD.toCharArray();
        try {
            return SealKey.fromKeyStore(KeyStores.loadPkcs12(pki.resolve(party).resolve(DOCUMENT_SEAL_FILE), secret),
                    TestPki.DOCUMENT_SEAL_ALIAS, secret);
        } catch (IllegalArgumentException e) {
            throw new Unusable(e.getMessage() + ".");
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private List<String> parties() {
        if (!Files.isDirectory(pki)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(pki)) {
            return entries.filter(p -> Files.isRegularFile(p.resolve(DOCUMENT_SEAL_FILE)))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private byte[] seal(Kind kind, byte[] document, SealKey key) {
        String name = file.getFileName().toString();
        try {
            return switch (kind) {
                case PDF -> new PdfSealer(key, Clock.systemUTC()).seal(document, name);
                case XML -> new XmlSealer(key, DigestAlgorithm.SHA256, Clock.systemUTC())
                        .seal(document, "the document '" + name + "'");
            };
        } catch (IllegalArgumentException e) {
            // A damaged PDF, XML that is not well-formed, a seal certificate out of its validity: the sealer says so
            throw new Unusable(e.getMessage());
        } catch (RuntimeException e) {
            throw new Unusable(file + " cannot be sealed: " + e);
        }
    }

    /** Whole or not at all: a temporary file beside the target, then moved over it. */
    private void write(byte[] sealed) {
        Path target = out.toAbsolutePath();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(target.getParent(), ".sealing-", ".tmp");
            Files.write(temporary, sealed);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new Unusable("Cannot write " + out + ": " + e.getMessage() + ".");
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // best effort: a stray temporary file beside the target
                }
            }
        }
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        return bytes.length >= head.length && Arrays.equals(bytes, 0, head.length, head, 0, head.length);
    }

    /** Input the command cannot use; its message is the one sentence printed. */
    private static final class Unusable extends RuntimeException {
        Unusable(String message) {
            super(message, null, false, false);
        }
    }
}
