package eu.lexbridge.trust.container;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What goes into SignedContent.zip besides the token PDF: the business document, its detached signature if any, and
 * the attachments, in this order.
 *
 * @param document the business document (a PDF, or {@code mainDocument.xml} when there is no PDF)
 * @param detachedSignature the document's detached signature, or {@code null}
 * @param attachments the attachments, possibly none
 */
public record ContainerContent(ContainerPart document, ContainerPart detachedSignature,
                               List<ContainerPart> attachments) {

    public ContainerContent {
        Objects.requireNonNull(document, "document");
        attachments = List.copyOf(attachments);
        Set<String> names = new HashSet<>();
        names.add(EcodexContainer.TOKEN_PDF);
        for (ContainerPart part : all(document, detachedSignature, attachments)) {
            if (!names.add(part.name())) {
                throw new IllegalArgumentException("Two parts of the container are named '" + part.name() + "'"
                        + (part.name().equals(EcodexContainer.TOKEN_PDF) ? " (a name the token takes)" : ""));
            }
        }
    }

    /** The parts in the order they are written. */
    public List<ContainerPart> parts() {
        return all(document, detachedSignature, attachments);
    }

    private static List<ContainerPart> all(ContainerPart document, ContainerPart signature,
                                           List<ContainerPart> attachments) {
        java.util.ArrayList<ContainerPart> parts = new java.util.ArrayList<>();
        parts.add(document);
        if (signature != null) {
            parts.add(signature);
        }
        parts.addAll(attachments);
        return parts;
    }
}
