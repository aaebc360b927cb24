package eu.lexbridge.trust.document;

import static eu.lexbridge.trust.signature.SignatureFinding.Code.DETACHED_CONTENT_MISSING;
import static eu.lexbridge.trust.signature.SignatureFinding.Code.NO_SIGNED_DATA;
import static eu.lexbridge.trust.signature.SignatureFinding.Code.PARTIAL_COVERAGE;
import static eu.lexbridge.trust.signature.SignatureFinding.Code.SIGNING_TIME_UNCHECKED;

import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.enumerations.SignatureQualification;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import eu.lexbridge.trust.signature.ChainToTrustAnchor;
import eu.lexbridge.trust.signature.DssValidation;
import eu.lexbridge.trust.signature.ExpectedSigner;
import eu.lexbridge.trust.signature.IssuersNotRevoked;
import eu.lexbridge.trust.signature.ReferencesIntact;
import eu.lexbridge.trust.signature.RevocationStatus;
import eu.lexbridge.trust.signature.SignatureCheck;
import eu.lexbridge.trust.signature.SignatureChecks;
import eu.lexbridge.trust.signature.SignatureFinding;
import eu.lexbridge.trust.signature.SignatureFindings;
import eu.lexbridge.trust.signature.SignatureValueIntact;
import eu.lexbridge.trust.signature.SignatureView;
import eu.lexbridge.trust.signature.SignerIdentified;
import eu.lexbridge.trust.signature.SignerNotRevoked;
import eu.lexbridge.trust.signature.SignerRevocation;
import eu.lexbridge.trust.signature.ValidAtSigningTime;
import eu.lexbridge.trust.xml.SecureXmlInput;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Validates a signed document of any format DSS recognises on trust-store's class path: XAdES (enveloped, enveloping,
 * detached), CAdES (enveloping, detached {@code .p7s}), PAdES (PDF) and ASiC-S / ASiC-E containers with XAdES or with
 * CAdES signatures. A detached signature is validated together with the files it covers
 * ({@link #validate(Path, List)}); without them, or with changed ones, it is reported not intact.
 *
 * <p>Each signature gets two separate verdicts: <em>intact</em> (every reference digest matches and the signature
 * value verifies) and <em>trusted</em> (the signing certificate chains to a trust anchor or a trusted list's service,
 * the chain was valid at the claimed signing time, and no certificate of it is known to be revoked). DSS's own
 * indication under its default policy is reported beside them, never instead of them, and its simple report is kept
 * for the record ({@link DocumentValidation#report()}).
 *
 * <p>A signature is also judged on what it covers ({@link Coverage}): a PDF signature whose signed revision is
 * followed by one that changes what is shown, or an XML signature over part of its document, is reported with the
 * finding among its problems; permitted later changes (another signature, a timestamp, a form fill the certification
 * allows) are named and change nothing.
 *
 * <p>Every validation runs within {@link DocumentLimits}: the document's size, what its zip container (if it is one)
 * would inflate to, and wall-clock time. A document beyond them is refused with
 * {@link DocumentLimitExceededException}, whose message names the limit.
 *
 * <p>What is consulted is set by {@link ValidationSources}: by default nothing online (no AIA, OCSP or CRL fetching,
 * revocation {@link RevocationStatus#NOT_CHECKED}); optionally CRLs (and OCSP) from the URLs in the certificates, over
 * {@code file:} and {@code http(s):} only, with short timeouts. AIA is never used: issuer certificates must be in the
 * signature or among the trusted ones. Qualification (QES) is determined only when trusted lists are given.
 *
 * <p>Thread-safe: the certificate verifier is configured once and only read; every call builds its own validator.
 */
public final class DocumentValidator {

    /**
     * Validations run here, so that one taking too long can be given up on. DSS does not always heed interruption, so a
     * validation given up on may go on running: the threads are bounded, so documents that make DSS loop cannot take
     * more of them; later validations wait their turn, and the wait counts against their own time limit.
     */
    private static final ExecutorService VALIDATIONS = boundedPool(Math.max(4,
            2 * Runtime.getRuntime().availableProcessors()));

    private final CommonCertificateVerifier certificateVerifier;
    private final ValidationSources sources;
    private final DocumentLimits limits;
    private final Clock clock;

    /**
     * An offline validator: {@code new DocumentValidator(ValidationSources.offline(trustAnchors), clock)}.
     *
     * @param trustAnchors the certificates a signer's chain must reach to be trusted
     * @param clock gives the validation time
     */
    public DocumentValidator(Collection<X509Certificate> trustAnchors, Clock clock) {
        this(ValidationSources.offline(Objects.requireNonNull(trustAnchors, "trustAnchors")), clock);
    }

    /**
     * A validator with the {@link DocumentLimits#DEFAULTS default limits}.
     *
     * @param sources what is trusted and what may be fetched
     * @param clock gives the validation time
     */
    public DocumentValidator(ValidationSources sources, Clock clock) {
        this(sources, DocumentLimits.DEFAULTS, clock);
    }

    /**
     * @param sources what is trusted and what may be fetched
     * @param limits what a document may cost its validation
     * @param clock gives the validation time
     */
    public DocumentValidator(ValidationSources sources, DocumentLimits limits, Clock clock) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.certificateVerifier = verifier(sources);
    }

    private static CommonCertificateVerifier verifier(ValidationSources sources) {
        CommonCertificateVerifier verifier = DssValidation.verifier(sources.trustAnchors(), sources.revocation(),
                sources.fetchTimeout());
        if (sources.trustedLists() != null) {
            verifier.addTrustedCertSources(sources.trustedLists());
        }
        return verifier;
    }

    /**
     * @param signedDocument the document to validate
     * @throws UnusableDocumentException when DSS does not recognise the document, cannot read it, or it is XML with a
     *     DOCTYPE
     * @throws DocumentLimitExceededException when the document exceeds a {@link DocumentLimits limit}: too large,
     *     a zip container that inflates too far, has too many entries or nests too deep, or a validation that takes
     *     too long
     */
    public DocumentValidation validate(Path signedDocument) {
        return validate(signedDocument, List.of());
    }

    /**
     * Validates a detached signature (XAdES detached, CAdES {@code .p7s}) with the files it covers. DSS matches each
     * file to a reference by its file name; a single file is taken for a single detached reference whatever its name.
     *
     * @param signature the signature file (or any signed document, when {@code detachedContents} is empty)
     * @param detachedContents the signed files, read as they are on disk (not loaded into memory)
     * @throws UnusableDocumentException as {@link #validate(Path)}
     * @throws UncheckedIOException when the signature or one of the files cannot be read
     */
    public DocumentValidation validate(Path signature, List<Path> detachedContents) {
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(detachedContents, "detachedContents");
        long size = sizeWithinLimit(signature);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(signature))) {
            refuseDoctype(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (InputStream in = Files.newInputStream(signature)) {
            scan(in, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<DSSDocument> contents = new ArrayList<>();
        for (Path content : detachedContents) {
            if (!Files.isRegularFile(content)) {
                throw new UncheckedIOException(new java.io.FileNotFoundException("no detached content at " + content));
            }
            sizeWithinLimit(content);
            contents.add(new FileDocument(content.toFile()));
        }
        return validate(new FileDocument(signature.toFile()), contents, null);
    }

    /**
     * @param signedDocument the document's bytes; read to the end, not closed
     * @param name the document's file name (DSS uses it for nothing but reports; may be {@code null})
     * @throws UnusableDocumentException as {@link #validate(Path)}
     */
    public DocumentValidation validate(InputStream signedDocument, String name) {
        return validate(signedDocument, name, List.of());
    }

    /**
     * As {@link #validate(Path, List)}, from streams. Every stream is read into memory to the end and not closed: for
     * large files prefer the {@link Path} variant.
     *
     * @param signature the signature's bytes
     * @param name the signature's file name (may be {@code null})
     * @param detachedContents the signed files with the names the signature refers to them by
     * @throws UnusableDocumentException as {@link #validate(Path)}
     */
    public DocumentValidation validate(InputStream signature, String name, List<DetachedContent> detachedContents) {
        return validate(signature, name, detachedContents, null);
    }

    /**
     * As {@link #validate(InputStream, String)}, and every signature must be by {@code expectedSigner}: that very
     * certificate, or one issued to the same subject by the same issuer (a renewal), the rule evidences are held to
     * ({@link ExpectedSigner}); a signature by another signer is not trusted, and its problems say by whom it is.
     *
     * @param expectedSigner the certificate the document must be sealed with, or {@code null} for any trusted signer
     * @throws UnusableDocumentException as {@link #validate(Path)}
     */
    public DocumentValidation validate(InputStream signedDocument, String name, X509Certificate expectedSigner) {
        return validate(signedDocument, name, List.of(), expectedSigner);
    }

    private DocumentValidation validate(InputStream signature, String name, List<DetachedContent> detachedContents,
                                        X509Certificate expectedSigner) {
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(detachedContents, "detachedContents");
        byte[] bytes = readWithinLimit(signature, name);
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            refuseDoctype(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        scan(new ByteArrayInputStream(bytes), bytes.length);
        List<DSSDocument> contents = new ArrayList<>();
        for (DetachedContent content : detachedContents) {
            contents.add(new InMemoryDocument(readWithinLimit(content.content(), content.name()), content.name()));
        }
        return validate(new InMemoryDocument(bytes, name), contents,
                expectedSigner == null ? null : new ExpectedSigner(expectedSigner));
    }

    private byte[] readWithinLimit(InputStream in, String name) {
        try {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxSize() + 1));
            if (bytes.length > limits.maxSize()) {
                throw tooLarge(name);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long sizeWithinLimit(Path file) {
        try {
            long size = Files.size(file);
            if (size > limits.maxSize()) {
                throw tooLarge(String.valueOf(file.getFileName()));
            }
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DocumentLimitExceededException tooLarge(String name) {
        return new DocumentLimitExceededException("the document '" + name + "' is larger than " + limits.maxSize()
                + " bytes (limit max-size)");
    }

    private void scan(InputStream in, long size) {
        try {
            ArchiveScan.check(in, size, limits);
        } catch (IOException e) {
            throw new UnusableDocumentException("the document's zip container cannot be read: " + e.getMessage(), e);
        }
    }

    /** Runs the validation on its own thread, and gives up on it after the time limit. */
    private DocumentValidation validate(DSSDocument document, List<DSSDocument> detachedContents,
                                        SignatureCheck signerCheck) {
        Future<DocumentValidation> validation = VALIDATIONS.submit(() -> validateNow(document, detachedContents,
                signerCheck));
        try {
            return validation.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // DSS does not heed interruption everywhere; the thread ends with its validation, whose result is dropped
            validation.cancel(true);
            throw new DocumentLimitExceededException("the validation of the document took longer than "
                    + limits.timeout().toMillis() + " ms (limit timeout)");
        } catch (InterruptedException e) {
            validation.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while validating a document", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof VirtualMachineError) {
                // the document (not the connector) ran the validation out of memory or stack: refuse it, once
                throw new DocumentLimitExceededException("the document needs more memory than its validation may "
                        + "use (" + cause.getClass().getSimpleName() + ")");
            }
            throw new IllegalStateException("the validation of a document failed", cause);
        }
    }

    /** @param signerCheck a further check of each signer (who it must be), or {@code null} */
    private DocumentValidation validateNow(DSSDocument document, List<DSSDocument> detachedContents,
                                           SignatureCheck signerCheck) {
        SignedDocumentValidator validator;
        try {
            validator = SignedDocumentValidator.fromDocument(document);
        } catch (RuntimeException e) {
            throw new UnusableDocumentException("Not a signed document DSS recognises ('" + document.getName()
                    + "'): " + e.getMessage(), e);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Reports reports;
        try {
            reports = DssValidation.validate(validator, detachedContents, certificateVerifier, now);
        } catch (RuntimeException e) {
            throw new UnusableDocumentException("DSS cannot read the document '" + document.getName() + "': "
                    + e.getMessage(), e);
        }
        DiagnosticData diagnostic = reports.getDiagnosticData();
        List<String> containerFiles = diagnostic.isContainerInfoPresent()
                ? diagnostic.getContainerInfo().getContentFiles() : List.of();
        List<SignatureResult> results = new ArrayList<>();
        for (SignatureWrapper signature : diagnostic.getSignatures()) {
            results.add(result(SignatureView.read(signature, reports.getSimpleReport(), sources.revocation()),
                    detachedContents.isEmpty(),
                    CoverageFinder.of(signature, containerFiles == null ? List.of() : containerFiles), signerCheck));
        }
        return new DocumentValidation(format(diagnostic, validator, results), results, now,
                reports.getXmlSimpleReport().getBytes(StandardCharsets.UTF_8));
    }

    private static String format(DiagnosticData diagnostic, SignedDocumentValidator validator,
                                 List<SignatureResult> signatures) {
        if (diagnostic.getContainerType() != null) {
            return diagnostic.getContainerType().name().replace('_', '-');
        }
        if (!signatures.isEmpty() && signatures.get(0).format() != null) {
            return signatures.get(0).format();
        }
        String kind = validator.getClass().getSimpleName();
        if (kind.startsWith("XML")) {
            return "XML";
        }
        if (kind.startsWith("PDF")) {
            return "PDF";
        }
        if (kind.startsWith("CMS")) {
            return "CMS";
        }
        return kind.replace("DocumentValidator", "");
    }

    private SignatureResult result(SignatureView signature, boolean noDetachedContents, Coverage coverage,
                                   SignatureCheck signerCheck) {
        SignatureFindings findings = SignatureChecks.of(DocumentValidator::signedDataPresent,
                ReferencesIntact.NAMED_BY_TYPE_WITH_ALGORITHM, new SignatureValueIntact(),
                view -> coverage.whole() ? List.of() : coverage.findings().stream()
                        .map(finding -> new SignatureFinding(PARTIAL_COVERAGE, finding)).toList(),
                view -> detachedContentMissing(view, noDetachedContents),
                SignerIdentified.IN_OR_BESIDE_THE_SIGNATURE, new ChainToTrustAnchor(),
                DocumentValidator::signingTimeUnchecked, ValidAtSigningTime.ANCHORED_PATH, new IssuersNotRevoked(),
                SignerNotRevoked.UNKNOWN_SAID_WHEN_OTHERWISE_TRUSTED,
                signerCheck == null ? view -> List.of() : signerCheck).run(signature);
        SignatureView.Certificate signer = signature.signer();
        Instant signingTime = signature.claimedSigningTime();
        SignerRevocation revocation = signature.signerRevocation();
        SignatureQualification qualification = signature.qualification();
        boolean qualified = sources.trustedLists() != null && SignatureResult.isQualified(qualification);
        return new SignatureResult(signature.id(), signature.format(), findings.intact(), findings.signerTrusted(),
                signer == null ? null : signer.subject(), signer == null ? null : signer.issuer(), signingTime,
                signer != null && signingTime != null && signer.validAt(signingTime),
                signature.indication(), signature.subIndication(), revocation.status(), revocation.revokedAt(),
                qualification == null ? null : qualification.getReadable(), qualified,
                findings.all().stream().map(SignatureFinding::sentence).toList(), coverage);
    }

    /** A signature must cover some data; a seal's own checks ask what it covers instead. */
    private static List<SignatureFinding> signedDataPresent(SignatureView signature) {
        return signature.references().isEmpty() ? List.of(new SignatureFinding(NO_SIGNED_DATA,
                "the signature covers no data DSS can find")) : List.of();
    }

    /** Data a detached signature refers to was not found: say why, when none was given with it. */
    private static List<SignatureFinding> detachedContentMissing(SignatureView signature, boolean noneGiven) {
        return noneGiven && signature.references().stream().anyMatch(reference -> !reference.dataFound())
                ? List.of(new SignatureFinding(DETACHED_CONTENT_MISSING,
                        "a detached signature is validated only together with the files it signs")) : List.of();
    }

    /**
     * A document signature without a claimed signing time is not refused for it (a seal is, {@link
     * eu.lexbridge.trust.signature.ClaimedSigningTime}): its chain's validity is then not judged, and the report says
     * so.
     */
    private static List<SignatureFinding> signingTimeUnchecked(SignatureView signature) {
        return signature.signer() != null && signature.anchored() && signature.claimedSigningTime() == null
                ? List.of(new SignatureFinding(SIGNING_TIME_UNCHECKED,
                        "the signature claims no signing time: the chain's validity is not checked against it"))
                : List.of();
    }

    /**
     * Refuses XML whose prolog holds a DOCTYPE (entity expansion, external entities). DSS's parser refuses DOCTYPEs as
     * well; this check makes the refusal explicit and independent of DSS's parser settings.
     */
    private static void refuseDoctype(InputStream in) throws IOException {
        if (SecureXmlInput.startsWithDoctype(in)) {
            throw new UnusableDocumentException("XML with a DOCTYPE is refused (entities, external DTDs)");
        }
    }

    private static ExecutorService boundedPool(int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "lexbridge-document-validation");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
