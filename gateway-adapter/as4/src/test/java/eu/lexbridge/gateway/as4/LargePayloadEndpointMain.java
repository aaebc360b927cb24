package eu.lexbridge.gateway.as4;

import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.transport.As4Profile;
import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.core.transport.OutgoingPart;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.core.transport.SendOutcome;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * One AS4 endpoint in a JVM of its own (party {@code lexbridge-a}, keys from a PKI generated before), for the
 * large-payload test and bench: two of these, one sending to the other, are two access points with separate heaps.
 * Prints {@code URL <endpoint>}, then answers commands on stdin, one line each:
 * <ul>
 * <li>{@code send <url> <bytes> <seed>}: sends one generated payload to that endpoint,
 *     {@code SENT <status> <millis> <detail>};
 * <li>{@code profile <label>}: speaks that AS4 profile ({@code 1.x}, {@code 2.0}, {@code 2.0-ecdsa}) to the peer, and
 *     takes only it from itself, from now on: {@code PROFILE <label>};
 * <li>{@code received}: {@code RECEIVED <messages> <size> <sha256>} of the last message's first part;
 * <li>{@code heap}: {@code HEAP <largest live heap after GC since the last reset> <max heap> <process CPU ns>};
 *     {@code reset}: {@code RESET} after a full collection;
 * <li>{@code quit}.
 * </ul>
 */
public final class LargePayloadEndpointMain {

    private LargePayloadEndpointMain() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Path pki = Path.of(args[1]);
        long maxRequest = Long.parseLong(args[2]);
        LiveHeap heap = LiveHeap.sample();
        InboundLimits limits = new InboundLimits(maxRequest, 512 * 1024, 2, Duration.ofSeconds(60));
        try (ReceivingFixture endpoint = ReceivingFixture.startWithPki(work, limits, pki);
             EmbeddedAccessPoint sender = new EmbeddedAccessPoint(endpoint.settings, new GeneratedPayloads())) {
            System.out.println("URL " + endpoint.endpoint());
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            As4Profile profile = As4Profile.EDELIVERY_1;
            while ((line = commands.readLine()) != null && !"quit".equals(line)) {
                String[] command = line.split(" ");
                switch (command[0]) {
                    case "send" -> {
                        Partner peer = endpoint.asPartner(profile, URI.create(command[1]));
                        long started = System.nanoTime();
                        SendOutcome outcome = sender.send(envelope(), List.of(new OutgoingPart("ASIC-S",
                                "application/octet-stream", GeneratedPayloads.payload(Long.parseLong(command[3]),
                                        Long.parseLong(command[2])))), peer);
                        long millis = (System.nanoTime() - started) / 1_000_000;
                        System.out.println("SENT " + outcome.status() + " " + millis + " "
                                + String.valueOf(outcome.detail()).replace('\n', ' '));
                    }
                    case "received" -> {
                        List<RecordingReceiver.Reception> receptions = endpoint.receiver.receptions();
                        if (receptions.isEmpty()) {
                            System.out.println("RECEIVED 0 0 -");
                        } else {
                            RecordingReceiver.ReceivedPart part = receptions.get(receptions.size() - 1).parts().get(0);
                            System.out.println("RECEIVED " + receptions.size() + " " + part.size() + " "
                                    + part.sha256());
                        }
                    }
                    case "profile" -> {
                        profile = As4Profile.ofLabel(command[1]).orElseThrow();
                        endpoint.speakToItself(profile);
                        System.out.println("PROFILE " + profile.label());
                    }
                    case "heap" -> System.out.println("HEAP " + heap.peak() + " " + Runtime.getRuntime().maxMemory()
                            + " " + cpuNanos());
                    case "reset" -> {
                        heap.reset();
                        System.out.println("RESET");
                    }
                    default -> System.out.println("UNKNOWN " + line);
                }
            }
        }
        System.exit(0);
    }

    /** CPU time of this whole JVM (all threads, GC included): comparable on a machine others share. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static Envelope envelope() {
        return new Envelope(UUID.randomUUID() + "@lexbridge.test", "conv-large", null,
                new BusinessService("EPO", "urn:e-codex:services:"), "Form_A", ReceivingFixture.HOME,
                ReceivingFixture.HOME, "urn:a", "urn:b");
    }
}
