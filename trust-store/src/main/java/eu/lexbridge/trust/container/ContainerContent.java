package eu.lexbridge.trust.container;

import eu.lexbridge.core.message.PartName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
        // The reader refuses two entries that differ only in case, and the token's own name, as the submission does.
        List<PartName> names = new ArrayList<>();
        for (ContainerPart part : all(document, detachedSignature, attachments)) {
            PartName name = new PartName(part.name());
            if (name.isReserved() || names.stream().anyMatch(name::clashesWith)) {
                throw new IllegalArgumentException("Two parts of the container are named '" + part.name() + "'"
                        + (name.isReserved() ? " (a name the token takes)" : " (compared ignoring case)"));
            }
            names.add(name);
        }
    }

    /** The parts in the order they are written. */
    public List<ContainerPart> parts() {
        return all(document, detachedSignature, attachments);
    }

    private static List<ContainerPart> all(ContainerPart document, ContainerPart signature,
                                           List<ContainerPart> attachments) {
        ArrayList<ContainerPart> parts = new ArrayList<>();
        parts.add(document);
        if (signature != null) {
            parts.add(signature);
        }
        parts.addAll(attachments);
        return parts;
    }
}
