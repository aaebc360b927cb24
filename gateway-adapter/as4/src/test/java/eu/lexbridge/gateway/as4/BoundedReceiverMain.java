package eu.lexbridge.gateway.as4;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The receiving endpoint in a JVM of its own, for {@link BoundedMemoryTest}: prints its URL, then answers commands on
 * stdin — {@code heap} prints the largest heap in use after a collection since start (live data, not garbage),
 * {@code received} the number of messages handed to the receiver, {@code quit} stops.
 */
public final class BoundedReceiverMain {

    private BoundedReceiverMain() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        InboundLimits limits = new InboundLimits(Long.parseLong(args[1]), Long.parseLong(args[2]),
                Integer.parseInt(args[3]), java.time.Duration.ofSeconds(60));
        AtomicLong peakAfterGc = new AtomicLong();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null).toList();
        Thread sampler = new Thread(() -> {
            while (true) {
                long live = heap.stream().mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum();
                peakAfterGc.accumulateAndGet(live, Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        try (ReceivingFixture endpoint = ReceivingFixture.start(work, limits)) {
            System.out.println("URL " + endpoint.endpoint());
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String command;
            while ((command = commands.readLine()) != null && !"quit".equals(command)) {
                switch (command) {
                    case "heap" -> {
                        long max = Runtime.getRuntime().maxMemory();
                        System.out.println("HEAP " + peakAfterGc.get() + " " + max);
                    }
                    case "received" -> System.out.println("RECEIVED " + endpoint.receiver.receptions().size());
                    case "send" -> {
                        // A valid signed and encrypted message from the endpoint to itself, over its HTTP port.
                        System.out.println("SENT " + SelfSend.send(endpoint));
                    }
                    default -> System.out.println("UNKNOWN " + command);
                }
            }
        }
        System.exit(0);
    }
}
