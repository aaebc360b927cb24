package eu.lexbridge.core.flow;

import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.ContainerPacker;
import eu.lexbridge.core.port.DocumentChecker;
import eu.lexbridge.core.testkit.InMemoryPayloadStore;
import eu.lexbridge.core.transport.Partner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a stand-in container and token to the payload store, and opens received containers as the test says. The
 * real ASiC-S and its seal are tested in trust-store.
 */
final class StubContainerPacker implements ContainerPacker {

    private final InMemoryPayloadStore payloads;
    private final List<DocumentChecker.Check> packedWith = new ArrayList<>();
    private final List<PayloadRef> unpackedTokens = new ArrayList<>();
    private RuntimeException packFailure;
    private Unpacked unpacked;

    StubContainerPacker(InMemoryPayloadStore payloads) {
        this.payloads = payloads;
    }

    void failPacking(RuntimeException failure) {
        this.packFailure = failure;
    }

    /** A received container is valid and holds {@code content}. */
    void holds(List<PayloadRef> content) {
        this.unpacked = new Unpacked(true, "container sealed by CN=DE test connector, token matches", content);
    }

    void refuses(String finding) {
        this.unpacked = new Unpacked(false, finding, List.of());
    }

    /** The document checks the containers were packed with, one per pack; a {@code null} is an authentication token. */
    List<DocumentChecker.Check> packedWith() {
        return new ArrayList<>(packedWith);
    }

    /** The tokens that came with the containers opened, one per unpack. */
    List<PayloadRef> unpackedTokens() {
        return new ArrayList<>(unpackedTokens);
    }

    @Override
    public List<PayloadRef> pack(ConnectorMessage outbound, DocumentChecker.Check documentCheck) {
        packedWith.add(documentCheck);
        if (packFailure != null) {
            throw packFailure;
        }
        return List.of(
                payloads.put(PayloadKind.CONTAINER, "container.asics", "application/vnd.etsi.asic-s+zip",
                        ("ASiC-S of " + outbound.ebmsMessageId()).getBytes(StandardCharsets.UTF_8)),
                payloads.put(PayloadKind.TRUST_TOKEN, "tokenXML", "text/xml",
                        "<Token/>".getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public Unpacked unpack(PayloadRef container, PayloadRef token, Partner sender) {
        unpackedTokens.add(token);
        if (unpacked == null) {
            throw new IllegalStateException("the test did not say what the container holds");
        }
        return unpacked;
    }
}
