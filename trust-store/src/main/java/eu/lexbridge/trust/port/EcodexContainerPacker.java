package eu.lexbridge.trust.port;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.ContainerPacker;
import eu.lexbridge.core.port.DocumentChecker;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.trust.container.ContainerContent;
import eu.lexbridge.trust.container.ContainerNotice;
import eu.lexbridge.trust.container.ContainerPart;
import eu.lexbridge.trust.container.ContainerRejectedException;
import eu.lexbridge.trust.container.EcodexContainer;
import eu.lexbridge.trust.container.EcodexContainerBuilder;
import eu.lexbridge.trust.container.EcodexContainerReader;
import eu.lexbridge.trust.container.ExtractedEntry;
import eu.lexbridge.trust.container.OpenedContainer;
import eu.lexbridge.trust.container.ReceivedToken;
import eu.lexbridge.trust.container.TrustOkToken;
import eu.lexbridge.trust.document.DocumentValidation;
import eu.lexbridge.trust.document.DocumentValidator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@link ContainerPacker} on the trust store's streaming ASiC-S builder and reader. The container is staged in a work
 * directory and then streamed into the payload store; nothing is held in memory whole.
 */
public final class EcodexContainerPacker implements ContainerPacker {

    private static final long MAX_EMBEDDED_REPORT_BYTES = 1024 * 1024;
    private static final String TOKEN_PDF_PART = "tokenPDF";
    /** The document the official connector makes of the business XML when a message has no other. */
    static final String MAIN_DOCUMENT_XML = "mainDocument.xml";
    /** A token is a few KB; with an embedded validation report, rarely more than a hundred. */
    private static final long MAX_TOKEN_BYTES = 4 * 1024 * 1024;

    private final EcodexContainerBuilder builder;
    private final EcodexContainerReader reader;
    private final DocumentValidator tokenSeal;
    private final PayloadStore payloads;
    private final Path workDirectory;
    private final String serviceProvider;
    private final String country;
    private final long maxPayloadBytes;

    /**
     * @param tokenSeal checks the seal of a received Trust OK token, against the same anchors as the container's seal;
     *     a received container and its Trust OK token must both be sealed by the sending partner's pinned container-seal
     *     certificate ({@link Partner#containerSealCertificate()}), or a renewal of it (same subject, same issuer);
     *     partners without one are held to the trust anchors alone
     */
    public EcodexContainerPacker(EcodexContainerBuilder builder, EcodexContainerReader reader,
                                 DocumentValidator tokenSeal, PayloadStore payloads, Path workDirectory,
                                 String serviceProvider, String country, long maxPayloadBytes) {
        this.builder = builder;
        this.reader = reader;
        this.tokenSeal = tokenSeal;
        this.payloads = payloads;
        this.workDirectory = workDirectory;
        this.serviceProvider = serviceProvider;
        this.country = country;
        this.maxPayloadBytes = maxPayloadBytes;
        try {
            Files.createDirectories(workDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + workDirectory, e);
        }
    }

    @Override
    public List<PayloadRef> pack(ConnectorMessage outbound, DocumentChecker.Check documentCheck) {
        ContainerPart document = documentOf(outbound);
        List<ContainerPart> attachments = outbound.payloads().stream()
                .filter(p -> p.kind() == PayloadKind.ATTACHMENT)
                .map(this::part)
                .toList();
        Path staged = workDirectory.resolve(UUID.randomUUID() + ".asics");
        try {
            ContainerPart signature = outbound.payload(PayloadKind.DETACHED_SIGNATURE).map(this::part).orElse(null);
            String report = documentCheck == null || documentCheck.report() == null ? null
                    : readReport(documentCheck.report());
            var built = builder.build(new ContainerContent(document, signature, attachments),
                    (doc, now) -> documentCheck == null
                            ? TrustOkToken.authenticationBased(serviceProvider, country, doc,
                                    new TrustOkToken.Authentication("LexBridge back-end authentication",
                                            outbound.backendName(), outbound.createdAt()), now)
                            : TrustOkTokens.signatureBased(serviceProvider, country, doc, documentCheck, report, now),
                    staged);
            PayloadRef container;
            try (InputStream in = Files.newInputStream(staged)) {
                container = payloads.write(PayloadKind.CONTAINER, "ASIC-S", EcodexContainer.MIME_TYPE, in,
                        Long.MAX_VALUE);
            }
            PayloadRef token = payloads.write(PayloadKind.TRUST_TOKEN, "tokenXML", "text/xml",
                    new ByteArrayInputStream(built.tokenXml()), Long.MAX_VALUE);
            return List.of(container, token);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the container of " + outbound.connectorMessageId(), e);
        } finally {
            deleteQuietly(staged);
        }
    }

    /**
     * The business document, or, as the official connector does when there is none (ecodex-wire.md §5.1 step 1), the
     * business XML ({@code messageContent}) as {@code mainDocument.xml}: a business message always travels in a
     * container.
     */
    private ContainerPart documentOf(ConnectorMessage outbound) {
        var document = outbound.payload(PayloadKind.BUSINESS_DOCUMENT);
        if (document.isPresent()) {
            return part(document.get());
        }
        PayloadRef content = outbound.payload(PayloadKind.BUSINESS_CONTENT).orElseThrow(() ->
                new IllegalArgumentException("message " + outbound.connectorMessageId() + " has neither a business "
                        + "document nor business content"));
        return new ContainerPart(MAIN_DOCUMENT_XML, "application/xml", () -> payloads.open(content));
    }

    /**
     * Refusals carry a stable code in parentheses ({@code refused (TOKEN_MISSING): ...}); a container read with
     * format deviations says so after its verdict ({@code notices: MIMETYPE_NOT_FIRST ...}).
     */
    @Override
    public Unpacked unpack(PayloadRef container, PayloadRef token, Partner sender) {
        if (token == null) {
            return refused("TOKEN_MISSING", "no Trust OK token (tokenXML) came with the container");
        }
        // Bound to the sender where its seal certificate is pinned: the container and the token both.
        X509Certificate pinned = sender == null ? null : sender.containerSealCertificate();
        ReceivedToken facts;
        try {
            byte[] tokenXml = readSmall(token, MAX_TOKEN_BYTES);
            if (tokenXml == null) {
                return refused("TOKEN_TOO_LARGE", "the Trust OK token is larger than " + MAX_TOKEN_BYTES + " bytes");
            }
            facts = ReceivedToken.read(tokenXml);
            String sealProblem = tokenSealProblem(tokenXml, pinned);
            if (sealProblem != null) {
                return refused("TOKEN_SEAL", "the Trust OK token's seal " + sealProblem);
            }
        } catch (IllegalArgumentException e) {
            return refused("TOKEN_UNUSABLE", "the Trust OK token is unusable: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token of container " + container.payloadId(), e);
        }
        Path target = workDirectory.resolve(UUID.randomUUID().toString());
        List<PayloadRef> content = new ArrayList<>();
        boolean done = false;
        try (InputStream in = payloads.open(container)) {
            OpenedContainer opened = reader.open(in, target, pinned);
            var verification = opened.verification();
            String notices = notices(opened.notices());
            if (!verification.valid()) {
                return new Unpacked(false, "seal " + (verification.intact() ? "intact" : "NOT intact") + ", signer "
                        + (verification.trusted() ? "trusted" : "NOT trusted") + ": " + verification.problems().stream()
                        .map(p -> p.code() + " " + p.detail()).collect(Collectors.joining("; ")) + notices, List.of());
            }
            ExtractedEntry document = opened.entries().get(0);
            if (!document.name().equals(facts.filename()) || (facts.documentSha256() != null
                    && !Arrays.equals(facts.documentSha256(), document.sha256()))) {
                return refused("TOKEN_NOT_ABOUT_DOCUMENT", "the Trust OK token speaks of '" + facts.filename()
                        + "', not of the document '" + document.name() + "' the container holds");
            }
            for (ExtractedEntry entry : opened.entries()) {
                // The back-end gets the token PDF as the official connector hands it over: tokenPDF (§5.4).
                boolean tokenPdf = entry.name().equals(EcodexContainer.TOKEN_PDF);
                PayloadKind kind = tokenPdf ? PayloadKind.TRUST_TOKEN
                        : entry == document ? PayloadKind.BUSINESS_DOCUMENT
                        : entry.name().equals(facts.signatureFilename()) ? PayloadKind.DETACHED_SIGNATURE
                        : PayloadKind.ATTACHMENT;
                try (InputStream bytes = Files.newInputStream(entry.file())) {
                    content.add(payloads.write(kind, tokenPdf ? TOKEN_PDF_PART : entry.name(),
                            mimeType(entry.name()), bytes, maxPayloadBytes));
                }
            }
            done = true;
            return new Unpacked(true, "container sealed by " + verification.signerSubject() + ", intact and trusted"
                    + (pinned == null ? "" : ", the sender's pinned seal") + "; its Trust OK token ("
                    + facts.system() + ") sealed and about " + document.name() + notices, content);
        } catch (ContainerRejectedException e) {
            return refused(e.reason().name(), e.getMessage());
        } catch (ConnectorException e) {
            return new Unpacked(false, e.getMessage(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack container " + container.payloadId(), e);
        } finally {
            if (!done) {
                // Nothing half-stored: what was written before a failure goes again.
                content.forEach(payloads::delete);
            }
            deleteQuietly(target);
        }
    }

    private static Unpacked refused(String code, String why) {
        return new Unpacked(false, "refused (" + code + "): " + why, List.of());
    }

    /** The reader's format notices, for the timeline; empty when there are none. */
    private static String notices(List<ContainerNotice> notices) {
        return notices.isEmpty() ? "" : "; format notices (read all the same): " + notices.stream()
                .map(ContainerNotice::toString).collect(Collectors.joining("; "));
    }

    /**
     * @param pinned the sender's pinned seal certificate, or {@code null}
     * @return why the token's seal does not hold, or {@code null} when it is intact and by a trusted signer (the pinned
     *     one, or its renewal, where there is one)
     */
    private String tokenSealProblem(byte[] tokenXml, X509Certificate pinned) {
        DocumentValidation seal = tokenSeal.validate(new ByteArrayInputStream(tokenXml), "Token.xml", pinned);
        if (seal.signatures().isEmpty()) {
            return "is missing";
        }
        return seal.allIntactAndTrusted() ? null : "does not hold: " + seal.signatures().stream()
                .flatMap(s -> s.problems().stream()).collect(Collectors.joining("; "));
    }

    private byte[] readSmall(PayloadRef payload, long max) throws IOException {
        if (payload.size() > max) {
            return null;
        }
        try (InputStream in = payloads.open(payload)) {
            return in.readAllBytes();
        }
    }

    /** The report travels inside the token; a report too large for that stays at this connector only. */
    private String readReport(PayloadRef report) throws IOException {
        byte[] bytes = readSmall(report, MAX_EMBEDDED_REPORT_BYTES);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private ContainerPart part(PayloadRef payload) {
        return new ContainerPart(payload.name(), payload.mimeType(), () -> payloads.open(payload));
    }

    private static String mimeType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (lower.endsWith(".xml")) {
            return "application/xml";
        }
        return "application/octet-stream";
    }

    private static void deleteQuietly(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a left-over work file is removed with the work directory; it holds no reference
        }
    }
}
