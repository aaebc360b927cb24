package eu.lexbridge.core.port;

/** Seals documents this connector writes for the record (not evidences, whose layout the e-CODEX wire fixes). */
public interface Sealer {

    /**
     * @param document an XML document
     * @param what what it is, for the message of a refusal (e.g. {@code "the transmission record"})
     * @return the document with an enveloped seal as the last child of its root
     */
    byte[] sealXml(byte[] document, String what);

    /** How documents are sealed, for a timeline: the signature form and who seals. */
    String description();
}
