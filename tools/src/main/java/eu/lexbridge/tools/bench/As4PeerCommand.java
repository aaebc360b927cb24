package eu.lexbridge.tools.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lexbridge bench as4-peer}: one JVM of the baseline, started by {@code bench load}; not for people. */
@Command(name = "as4-peer", hidden = true, description = "One side of the raw AS4 baseline (started by bench load).")
public final class As4PeerCommand implements Callable<Integer> {

    @Option(names = "--role", required = true) String role;
    @Option(names = "--pki", required = true) Path pki;
    @Option(names = "--party", required = true) String party;
    @Option(names = "--partner", required = true) String partner;
    @Option(names = "--port", required = true) int port;
    @Option(names = "--partner-port", required = true) int partnerPort;
    @Option(names = "--data", required = true) Path data;
    @Option(names = "--messages", defaultValue = "0") int messages;
    @Option(names = "--warm-up", defaultValue = "0") int warmUp;
    @Option(names = "--in-flight", defaultValue = "1") int inFlight;
    @Option(names = "--content-size", defaultValue = "10240") int contentSize;
    @Option(names = "--document-size", defaultValue = "102400") int documentSize;
    @Option(names = "--evidence-size", defaultValue = "8192") int evidenceSize;
    @Option(names = "--ready", required = true) Path ready;
    @Option(names = "--result", required = true) Path result;
    @Option(names = "--partner-ready") Path partnerReady;
    @Option(names = "--partner-pid", defaultValue = "0") long partnerPid;

    @Override
    public Integer call() throws Exception {
        return new As4Peer(new As4Peer.Settings(As4Peer.Role.valueOf(role.toUpperCase(java.util.Locale.ROOT)), pki,
                party, partner, port, partnerPort, data, messages, warmUp, inFlight, contentSize, documentSize,
                evidenceSize, result, ready, partnerReady, partnerPid)).run();
    }
}
