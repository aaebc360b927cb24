package eu.lexbridge.tools.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One address in front of the replicas of a connector, as a TCP load balancer is in production: each connection goes
 * to the next replica in turn, or to the next one that accepts when a replica is down; the bytes pass through
 * untouched (TLS ends at the replica). Loopback only.
 */
final class LoopbackBalancer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Integer> replicaPorts;
    private final AtomicInteger next = new AtomicInteger();
    private final ExecutorService pipes = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lexbridge-balancer");
        t.setDaemon(true);
        return t;
    });

    LoopbackBalancer(int port, List<Integer> replicaPorts) {
        this.replicaPorts = List.copyOf(replicaPorts);
        try {
            server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + port, e);
        }
        pipes.execute(this::accept);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                pipes.execute(() -> connect(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void connect(Socket client) {
        int first = Math.floorMod(next.getAndIncrement(), replicaPorts.size());
        for (int i = 0; i < replicaPorts.size(); i++) {
            int port = replicaPorts.get((first + i) % replicaPorts.size());
            Socket replica = new Socket();
            try {
                replica.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            } catch (IOException down) {
                close(replica);
                continue;
            }
            pipes.execute(() -> pipe(client, replica));
            pipe(replica, client);
            return;
        }
        close(client); // no replica up: the caller's connection fails, as it would at a real balancer
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side went away: both are closed below
        } finally {
            close(from);
            close(to);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        pipes.shutdownNow();
    }
}
