package eu.lexbridge.trust.document;

import java.util.List;
import java.util.Objects;

/**
 * What a signature covers of the document as it is now shown. A PDF signature covers one revision; later revisions
 * are judged by DSS's modification detection: another signature, a document timestamp, DSS/VRI data or a form fill
 * allowed by the certification (DocMDP) are permitted, anything that changes page content, annotations the
 * certification does not allow, or objects DSS cannot classify is not. An XML or CMS signature covers the whole
 * document when one of its references is the whole file; an ASiC signature when it covers every file of the
 * container.
 *
 * @param whole the document a reader sees is what the signature covers, up to permitted changes
 * @param findings what was found, in words: the permitted changes when {@code whole}, otherwise what the signature
 *     leaves uncovered; empty for a signature over exactly the document
 */
public record Coverage(boolean whole, List<String> findings) {

    public Coverage {
        findings = List.copyOf(Objects.requireNonNull(findings, "findings"));
    }

    /** Covers exactly the document, nothing to say. */
    public static final Coverage EXACT = new Coverage(true, List.of());
}
