package eu.lexbridge.app.container;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.ContainerPacker;
import eu.lexbridge.core.port.DocumentChecker;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.trust.container.ContainerContent;
import eu.lexbridge.trust.container.ContainerPart;
import eu.lexbridge.trust.container.ContainerRejectedException;
import eu.lexbridge.trust.container.EcodexContainer;
import eu.lexbridge.trust.container.EcodexContainerBuilder;
import eu.lexbridge.trust.container.EcodexContainerReader;
import eu.lexbridge.trust.container.ExtractedEntry;
import eu.lexbridge.trust.container.OpenedContainer;
import eu.lexbridge.trust.container.TrustOkToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    private final EcodexContainerBuilder builder;
    private final EcodexContainerReader reader;
    private final PayloadStore payloads;
    private final Path workDirectory;
    private final String serviceProvider;
    private final String country;
    private final long maxPayloadBytes;

    public EcodexContainerPacker(EcodexContainerBuilder builder, EcodexContainerReader reader, PayloadStore payloads,
                                 Path workDirectory, String serviceProvider, String country, long maxPayloadBytes) {
        this.builder = builder;
        this.reader = reader;
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
        PayloadRef document = outbound.payload(PayloadKind.BUSINESS_DOCUMENT).orElseThrow(() ->
                new IllegalArgumentException("message " + outbound.connectorMessageId() + " has no business document"));
        List<ContainerPart> attachments = outbound.payloads().stream()
                .filter(p -> p.kind() == PayloadKind.ATTACHMENT)
                .map(this::part)
                .toList();
        Path staged = workDirectory.resolve(UUID.randomUUID() + ".asics");
        try {
            ContainerPart signature = outbound.payload(PayloadKind.DETACHED_SIGNATURE).map(this::part).orElse(null);
            String report = documentCheck == null || documentCheck.report() == null ? null
                    : readReport(documentCheck.report());
            var built = builder.build(new ContainerContent(part(document), signature, attachments),
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

    @Override
    public Unpacked unpack(PayloadRef container, Partner sender) {
        Path target = workDirectory.resolve(UUID.randomUUID().toString());
        try (InputStream in = payloads.open(container)) {
            OpenedContainer opened = reader.open(in, target);
            var verification = opened.verification();
            if (!verification.valid()) {
                return new Unpacked(false, "seal " + (verification.intact() ? "intact" : "NOT intact") + ", signer "
                        + (verification.trusted() ? "trusted" : "NOT trusted") + ": " + verification.problems().stream()
                        .map(p -> p.code() + " " + p.detail()).collect(Collectors.joining("; ")), List.of());
            }
            List<PayloadRef> content = new ArrayList<>();
            boolean first = true;
            for (ExtractedEntry entry : opened.entries()) {
                if (entry.name().equals(EcodexContainer.TOKEN_PDF)) {
                    continue; // the token travels beside the container as tokenXML too
                }
                try (InputStream bytes = Files.newInputStream(entry.file())) {
                    content.add(payloads.write(first ? PayloadKind.BUSINESS_DOCUMENT : PayloadKind.ATTACHMENT,
                            entry.name(), mimeType(entry.name()), bytes, maxPayloadBytes));
                }
                first = false;
            }
            return new Unpacked(true, "container sealed by " + verification.signerSubject() + ", intact and trusted",
                    content);
        } catch (ContainerRejectedException e) {
            return new Unpacked(false, "refused (" + e.reason() + "): " + e.getMessage(), List.of());
        } catch (ConnectorException e) {
            return new Unpacked(false, e.getMessage(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack container " + container.payloadId(), e);
        } finally {
            deleteQuietly(target);
        }
    }

    /** The report travels inside the token; a report too large for that stays at this connector only. */
    private String readReport(PayloadRef report) throws IOException {
        if (report.size() > MAX_EMBEDDED_REPORT_BYTES) {
            return null;
        }
        try (InputStream in = payloads.open(report)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
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
