package eu.lexbridge.trust.document;

import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlObjectModification;
import eu.europa.esig.dss.diagnostic.jaxb.XmlSignatureScope;
import eu.europa.esig.dss.enumerations.CertificationPermission;
import eu.europa.esig.dss.enumerations.SignatureScopeType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads a signature's {@link Coverage} from DSS's diagnostic data (signature scopes, PDF modification detection). */
final class CoverageFinder {

    /** Object paths are long; a finding names a few. */
    private static final int NAMED_OBJECTS = 3;

    private CoverageFinder() {
    }

    /**
     * @param signature the signature
     * @param containerFiles the signed files of the ASiC container the signature is in; empty outside a container
     */
    static Coverage of(SignatureWrapper signature, List<String> containerFiles) {
        if (signature.isCounterSignature()) {
            return Coverage.EXACT; // it signs its parent signature, which is judged itself
        }
        PDFRevisionWrapper revision = signature.getPDFRevision();
        if (revision != null) {
            return pdf(signature, revision);
        }
        List<XmlSignatureScope> scopes = signature.getSignatureScopes();
        if (!containerFiles.isEmpty()) {
            Set<String> covered = scopes.stream().filter(s -> s.getScope() == SignatureScopeType.FULL
                    || s.getScope() == SignatureScopeType.ARCHIVED).map(XmlSignatureScope::getName)
                    .collect(Collectors.toSet());
            List<String> uncovered = containerFiles.stream().filter(f -> !covered.contains(f)).toList();
            return uncovered.isEmpty() ? Coverage.EXACT : new Coverage(false, List.of("the signature does not cover "
                    + "the container file(s) " + String.join(", ", uncovered)));
        }
        boolean whole = scopes.stream().anyMatch(s -> s.getScope() == SignatureScopeType.FULL
                || s.getScope() == SignatureScopeType.DIGEST || s.getScope() == SignatureScopeType.ARCHIVED);
        if (whole || scopes.isEmpty()) {
            return Coverage.EXACT; // no scope at all: nothing found to sign, which integrity already reports
        }
        return new Coverage(false, List.of("the signature covers only part of the document: "
                + scopes.stream().map(s -> s.getDescription() == null ? s.getName() : s.getDescription())
                        .collect(Collectors.joining("; "))));
    }

    private static Coverage pdf(SignatureWrapper signature, PDFRevisionWrapper revision) {
        boolean signedRevisionIsLast = signature.getSignatureScopes().stream()
                .anyMatch(s -> s.getScope() == SignatureScopeType.FULL);
        if (signedRevisionIsLast && !revision.arePdfModificationsDetected()
                && !revision.arePdfObjectModificationsDetected()) {
            return Coverage.EXACT;
        }
        CertificationPermission docMdp = revision.getDocMDPPermissions();
        List<String> changes = new ArrayList<>();
        List<String> permitted = new ArrayList<>();
        if (!revision.getPdfVisualDifferenceConcernedPages().isEmpty()) {
            changes.add("the content shown differs from the signed revision on page(s) "
                    + pages(revision.getPdfVisualDifferenceConcernedPages()));
        }
        if (!revision.getPdfPageDifferenceConcernedPages().isEmpty()) {
            changes.add("pages were added or removed after the signed revision (page(s) "
                    + pages(revision.getPdfPageDifferenceConcernedPages()) + ")");
        }
        if (!revision.getPdfAnnotationsOverlapConcernedPages().isEmpty()) {
            changes.add("annotations overlap the content on page(s) "
                    + pages(revision.getPdfAnnotationsOverlapConcernedPages()));
        }
        if (!revision.getPdfUndefinedChanges().isEmpty()) {
            changes.add("objects were changed after the signed revision: "
                    + objects(revision.getPdfUndefinedChanges()));
        }
        if (!revision.getPdfAnnotationChanges().isEmpty()) {
            String annotations = "annotations were changed after the signed revision: "
                    + objects(revision.getPdfAnnotationChanges());
            // an annotation can cover content: only a certification that allows annotations makes them harmless
            if (docMdp == CertificationPermission.CHANGES_PERMITTED) {
                permitted.add(annotations + ", permitted by the certification");
            } else {
                changes.add(annotations);
            }
        }
        if (!revision.getPdfSignatureOrFormFillChanges().isEmpty()) {
            String fields = "another signature or a form fill after the signed revision ("
                    + fieldNames(revision.getPdfSignatureOrFormFillChanges()) + ")";
            if (docMdp == CertificationPermission.NO_CHANGE_PERMITTED) {
                changes.add(fields + ", which the certification forbids");
            } else {
                permitted.add(fields + ", permitted");
            }
        }
        if (!revision.getPdfExtensionChanges().isEmpty()) {
            permitted.add("validation data or a document timestamp added after the signed revision, permitted");
        }
        if (!changes.isEmpty()) {
            return new Coverage(false, List.of("the signature does not cover the revision shown: "
                    + String.join("; ", changes)));
        }
        if (permitted.isEmpty() && !signedRevisionIsLast) {
            permitted.add("a later revision that changes nothing the signature covers");
        }
        return new Coverage(true, permitted);
    }

    private static String pages(List<BigInteger> pages) {
        return pages.stream().map(BigInteger::toString).collect(Collectors.joining(", "));
    }

    private static String objects(List<XmlObjectModification> modifications) {
        Set<String> names = new LinkedHashSet<>();
        for (XmlObjectModification m : modifications) {
            names.add(String.valueOf(m.getAction()).toLowerCase(java.util.Locale.ROOT) + " " + m.getValue());
        }
        String named = names.stream().limit(NAMED_OBJECTS).collect(Collectors.joining(", "));
        return names.size() > NAMED_OBJECTS ? named + " and " + (names.size() - NAMED_OBJECTS) + " more" : named;
    }

    private static String fieldNames(List<XmlObjectModification> modifications) {
        return modifications.stream().map(m -> m.getFieldName() == null ? m.getType() : m.getFieldName())
                .filter(java.util.Objects::nonNull).distinct().collect(Collectors.joining(", "));
    }
}
