package eu.lexbridge.gateway.as4;

import eu.lexbridge.core.transport.As4Profile;
import eu.lexbridge.trust.pki.SharedTestPki;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two AS4 access points in JVMs of their own ({@link LargePayloadEndpointMain}), each with the given maximum heap,
 * for sending generated payloads from one to the other and reading back what each side held.
 */
final class LargeTransfer implements AutoCloseable {

    /** One payload's journey: what the receiver hashed, how long the send took, the live heap peaks. */
    record Result(String status, String detail, long millis, long receivedSize, String receivedSha256,
                  long senderPeakHeap, long receiverPeakHeap, long maxHeap, long senderCpuMillis,
                  long receiverCpuMillis) {
    }

    private final Endpoint sender;
    private final Endpoint receiver;

    private LargeTransfer(Endpoint sender, Endpoint receiver) {
        this.sender = sender;
        this.receiver = receiver;
    }

    /** Starts both endpoints; {@code heap} is the JVMs' -Xmx (e.g. {@code 96m}). */
    static LargeTransfer start(Path work, String heap, long maxRequestBytes) throws IOException {
        Path pki = work.resolve("pki");
        SharedTestPki.copyTo(pki, List.of("lexbridge-a"), ReceivingFixture.PASSWORD);
        // Both JVMs start at once; each is waited for when its URL is read.
        Process receiving = Endpoint.launch(work.resolve("receiver"), pki, heap, maxRequestBytes);
        Process sending;
        try {
            sending = Endpoint.launch(work.resolve("sender"), pki, heap, maxRequestBytes);
        } catch (IOException | RuntimeException e) {
            receiving.destroyForcibly();
            throw e;
        }
        Endpoint receiver = null;
        try {
            receiver = Endpoint.attach(receiving, work.resolve("receiver"));
            return new LargeTransfer(Endpoint.attach(sending, work.resolve("sender")), receiver);
        } catch (IOException | RuntimeException e) {
            if (receiver != null) {
                receiver.close();
            }
            receiving.destroyForcibly();
            sending.destroyForcibly();
            throw e;
        }
    }

    Result send(long bytes, long seed) throws IOException {
        sender.ask("reset", "RESET");
        receiver.ask("reset", "RESET");
        long senderCpu = Long.parseLong(sender.ask("heap", "HEAP").split(" ")[2]);
        long receiverCpu = Long.parseLong(receiver.ask("heap", "HEAP").split(" ")[2]);
        String[] sent = sender.ask("send " + receiver.url + " " + bytes + " " + seed, "SENT").split(" ", 3);
        String[] received = receiver.ask("received", "RECEIVED").split(" ");
        String[] senderHeap = sender.ask("heap", "HEAP").split(" ");
        String[] receiverHeap = receiver.ask("heap", "HEAP").split(" ");
        return new Result(sent[0], sent.length > 2 ? sent[2] : "", Long.parseLong(sent[1]),
                Long.parseLong(received[1]), received[2], Long.parseLong(senderHeap[0]),
                Long.parseLong(receiverHeap[0]), Long.parseLong(receiverHeap[1]),
                (Long.parseLong(senderHeap[2]) - senderCpu) / 1_000_000,
                (Long.parseLong(receiverHeap[2]) - receiverCpu) / 1_000_000);
    }

    /** Both endpoints speak {@code profile} to each other from now on. */
    void speak(As4Profile profile) throws IOException {
        sender.ask("profile " + profile.label(), "PROFILE");
        receiver.ask("profile " + profile.label(), "PROFILE");
    }

    static String sha256OfGenerated(long bytes, long seed) throws IOException {
        try (InputStream in = GeneratedBody.random(seed, bytes)) {
            return Sha256.hex(in);
        }
    }

    @Override
    public void close() {
        sender.close();
        receiver.close();
    }

    private static final class Endpoint implements AutoCloseable {
        private final Process process;
        private final BufferedReader out;
        private final PrintWriter in;
        private final String url;
        /** Everything else the endpoint printed (its log), kept next to its stderr. */
        private final PrintWriter log;

        private Endpoint(Process process, Path logFile) throws IOException {
            this.process = process;
            this.log = new PrintWriter(java.nio.file.Files.newBufferedWriter(logFile), true);
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            this.url = answer("URL");
        }

        static Process launch(Path work, Path pki, String heap, long maxRequestBytes) throws IOException {
            java.nio.file.Files.createDirectories(work);
            return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                    LargePayloadEndpointMain.class.getName(), work.toString(), pki.toString(),
                    String.valueOf(maxRequestBytes))
                    .redirectError(work.resolve("endpoint.log").toFile())
                    .start();
        }

        /** Waits for the endpoint's URL. */
        static Endpoint attach(Process process, Path work) throws IOException {
            return new Endpoint(process, work.resolve("endpoint.out"));
        }

        String ask(String command, String prefix) throws IOException {
            in.println(command);
            return answer(prefix);
        }

        private String answer(String prefix) throws IOException {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(prefix + " ") || line.equals(prefix)) {
                    return line.length() > prefix.length() ? line.substring(prefix.length() + 1) : "";
                }
                log.println(line);
            }
            throw new IllegalStateException("the endpoint ended (out of memory?) before answering " + prefix
                    + "; exit " + (process.isAlive() ? "alive" : process.exitValue()));
        }

        @Override
        public void close() {
            in.println("quit");
            log.close();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
