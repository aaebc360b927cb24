package eu.lexbridge.core.port;

import java.util.List;
import java.util.Objects;

/** Seals documents this connector writes for the record (not evidences, whose layout the e-CODEX wire fixes). */
public interface Sealer {

    /**
     * @param document an XML document
     * @param what what it is, for the message of a refusal (e.g. {@code "the transmission record"})
     * @return the document with an enveloped seal as the last child of its root
     */
    byte[] sealXml(byte[] document, String what);

    /**
     * One seal over several files, by their SHA-256: the {@code META-INF/signatures.xml} of an ASiC-E container
     * (ETSI EN 319 162-1) that holds them under those names.
     *
     * @param what what is sealed, for the message of a refusal (e.g. {@code "the case export"})
     */
    byte[] sealFiles(List<SealedFile> files, String what);

    /** A file of a container, as a seal references it. */
    record SealedFile(String name, String mimeType, byte[] sha256) {
        public SealedFile {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(mimeType, "mimeType");
            if (sha256.length != 32) {
                throw new IllegalArgumentException("a SHA-256 has 32 bytes");
            }
        }
    }

    /** How documents are sealed, for a timeline: the signature form and who seals. */
    String description();
}
