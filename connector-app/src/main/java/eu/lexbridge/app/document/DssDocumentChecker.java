package eu.lexbridge.app.document;

import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.DocumentChecker;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.trust.document.DocumentValidation;
import eu.lexbridge.trust.document.DocumentValidator;
import eu.lexbridge.trust.document.SignatureResult;
import eu.lexbridge.trust.document.UnusableDocumentException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.stream.Collectors;

/** {@link DocumentChecker} on DSS: the document is staged as a file, so DSS can read it without a copy in memory. */
public final class DssDocumentChecker implements DocumentChecker {

    private final DocumentValidator validator;
    private final PayloadStore payloads;
    private final Path workDirectory;

    public DssDocumentChecker(DocumentValidator validator, PayloadStore payloads, Path workDirectory) {
        this.validator = validator;
        this.payloads = payloads;
        this.workDirectory = workDirectory;
    }

    @Override
    public Check check(PayloadRef document) {
        Path staged = workDirectory.resolve(UUID.randomUUID() + "-" + suffix(document.name()));
        try {
            Files.createDirectories(workDirectory);
            try (InputStream in = payloads.open(document)) {
                Files.copy(in, staged, StandardCopyOption.REPLACE_EXISTING);
            }
            DocumentValidation validation = validator.validate(staged);
            if (validation.signatures().isEmpty()) {
                return new Check(false, validation.format() + " without a signature");
            }
            boolean valid = validation.signatures().stream().allMatch(s -> s.intact() && s.trusted());
            return new Check(valid, validation.format() + ": " + validation.signatures().stream()
                    .map(DssDocumentChecker::describe).collect(Collectors.joining("; ")));
        } catch (UnusableDocumentException e) {
            return new Check(false, "not a document whose signature can be validated: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage document " + document.payloadId(), e);
        } finally {
            try {
                Files.deleteIfExists(staged);
            } catch (IOException ignored) {
                // a left-over work file holds no reference
            }
        }
    }

    private static String describe(SignatureResult s) {
        return s.format() + " by " + s.signerSubject() + (s.intact() ? ", intact" : ", NOT intact")
                + (s.trusted() ? ", trusted" : ", NOT trusted");
    }

    /** DSS recognises some formats by their extension. */
    private static String suffix(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "document" : "document" + name.substring(dot).replaceAll("[^A-Za-z0-9.]", "");
    }
}
