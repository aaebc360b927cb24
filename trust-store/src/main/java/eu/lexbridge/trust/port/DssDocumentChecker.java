package eu.lexbridge.trust.port;

import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.DocumentChecker;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.trust.document.DocumentLimitExceededException;
import eu.lexbridge.trust.document.DocumentValidation;
import eu.lexbridge.trust.document.DocumentValidator;
import eu.lexbridge.trust.document.SignatureResult;
import eu.lexbridge.trust.document.UnusableDocumentException;
import eu.lexbridge.trust.signature.RevocationStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DocumentChecker} on DSS: the document is staged as a file, so DSS can read it without a copy in memory. A
 * signature that does not cover the document as shown brings it to {@link Level#NONE}; a document beyond the
 * validation limits is {@link Check#refused(String) refused}.
 */
public final class DssDocumentChecker implements DocumentChecker {

    private static final Logger LOG = LoggerFactory.getLogger(DssDocumentChecker.class);

    private final Supplier<DocumentValidator> validator;
    private final PayloadStore payloads;
    private final Path workDirectory;

    /** @param validator the validator in use; with trusted lists, the one built on their last refresh */
    public DssDocumentChecker(Supplier<DocumentValidator> validator, PayloadStore payloads, Path workDirectory) {
        this.validator = validator;
        this.payloads = payloads;
        this.workDirectory = workDirectory;
    }

    @Override
    public Check check(PayloadRef document, PayloadRef detachedSignature) {
        List<Path> staged = new ArrayList<>();
        try {
            Files.createDirectories(workDirectory);
            Path stagedDocument = stage(document, staged);
            DocumentValidator current = validator.get();
            DocumentValidation validation = detachedSignature == null ? current.validate(stagedDocument)
                    : current.validate(stage(detachedSignature, staged), List.of(stagedDocument));
            PayloadRef report = payloads.write(PayloadKind.VALIDATION_REPORT,
                    "validation-report.xml", "application/xml",
                    new ByteArrayInputStream(validation.report()), Long.MAX_VALUE);
            List<SignatureSummary> signatures = validation.signatures().stream()
                    .map(DssDocumentChecker::summary).toList();
            if (signatures.isEmpty()) {
                return new Check(Level.NONE, validation.format() + " without a signature", signatures, report);
            }
            // An ASiC container names itself before its signatures; a PAdES or XAdES document is its signature.
            String container = validation.format().equals(validation.signatures().get(0).format()) ? ""
                    : validation.format() + ": ";
            return new Check(level(validation), container + validation.signatures().stream()
                    .map(DssDocumentChecker::describe).collect(Collectors.joining("; ")), signatures, report);
        } catch (DocumentLimitExceededException e) {
            // refused once, whatever the policy: the same document would exceed the limit on every attempt
            LOG.warn("business document {} refused: {}", LogSafe.of(document.payloadId()),
                    LogSafe.of(e.getMessage()));
            return Check.refused(e.getMessage());
        } catch (UnusableDocumentException e) {
            return new Check(Level.NONE, "not a document whose signature can be validated: " + e.getMessage(),
                    List.of(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage document " + document.payloadId(), e);
        } finally {
            staged.forEach(DssDocumentChecker::deleteQuietly);
        }
    }

    private Path stage(PayloadRef payload, List<Path> staged) throws IOException {
        // The original file name: DSS matches a detached signature's references to its documents by name.
        Path directory = workDirectory.resolve(UUID.randomUUID().toString());
        Files.createDirectories(directory);
        staged.add(directory);
        Path file = directory.resolve(safeName(payload.name()));
        staged.add(0, file);
        try (InputStream in = payloads.open(payload)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static Level level(DocumentValidation validation) {
        boolean allValid = validation.signatures().stream().allMatch(s -> s.intact() && s.trusted()
                && s.revocation() != RevocationStatus.REVOKED && s.coverage().whole());
        if (!allValid) {
            return Level.NONE;
        }
        return validation.signatures().stream().anyMatch(SignatureResult::qualified) ? Level.QUALIFIED
                : Level.ADVANCED;
    }

    private static SignatureSummary summary(SignatureResult s) {
        return new SignatureSummary(s.format(), s.qualification(), s.signerSubject(), s.signerIssuer(),
                s.signingTime(), s.intact(), s.trusted(), s.validAtSigningTime(),
                Revocation.valueOf(s.revocation().name()), s.problems(), s.coverage().whole(),
                s.coverage().findings());
    }

    private static String describe(SignatureResult s) {
        return s.format() + " by " + s.signerSubject() + (s.intact() ? ", intact" : ", NOT intact")
                + (s.trusted() ? ", trusted" : ", NOT trusted")
                + (s.coverage().whole() ? "" : ", does NOT cover the document") + ", revocation " + s.revocation()
                + (s.qualification() == null ? "" : ", " + s.qualification())
                + (s.problems().isEmpty() ? "" : " (" + String.join("; ", s.problems()) + ")")
                + (s.coverage().whole() && !s.coverage().findings().isEmpty()
                        ? " (" + String.join("; ", s.coverage().findings()) + ")" : "");
    }

    /** DSS recognises some formats by their extension; the rest of the name is kept for detached references. */
    private static String safeName(String name) {
        String safe = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "document" + safe : safe;
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a left-over work file holds no reference
        }
    }
}
