package eu.lexbridge.app.health;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The connector's own AS4 endpoint answers: a GET on its path over loopback (TLS when the server serves TLS), whose
 * answer below 500 means the web server, its TLS and the receiving servlet take requests. Cached {@link #KEPT}, so a
 * busy probe does not add a connection a second. When the server requires a client certificate
 * ({@code server.ssl.client-auth=need}) the check has none to give: a TLS refusal after the connection was taken then
 * counts as an answer.
 */
final class As4ReceiverCheck implements HealthIndicator {

    static final Duration KEPT = Duration.ofSeconds(30);
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final InetAddress address;
    private final IntSupplier port;
    private final String path;
    private final boolean tls;
    private final boolean clientCertificateNeeded;
    private final Clock clock;
    private Health last;
    private Instant lastAt;

    /** @param port the public server's port, or a negative number while it has not started */
    As4ReceiverCheck(InetAddress address, IntSupplier port, String path, boolean tls, Clock clock) {
        this(address, port, path, tls, false, clock);
    }

    As4ReceiverCheck(InetAddress address, IntSupplier port, String path, boolean tls, boolean clientCertificateNeeded,
                     Clock clock) {
        this.address = address;
        this.port = port;
        this.path = path;
        this.tls = tls;
        this.clientCertificateNeeded = clientCertificateNeeded;
        this.clock = clock;
    }

    @Override
    public synchronized Health health() {
        Instant now = clock.instant();
        if (port.getAsInt() <= 0) { // starting: nothing to keep
            return Health.down().withDetail("error", "the web server has not started").build();
        }
        if (last == null || !now.isBefore(lastAt.plus(KEPT))) {
            last = probe();
            lastAt = now;
        }
        return last;
    }

    private Health probe() {
        int at = port.getAsInt();
        String url = (tls ? "https://" : "http://") + address.getHostAddress() + ":" + at + path;
        boolean connected = false;
        try (Socket socket = socket()) {
            socket.connect(new InetSocketAddress(address, at), (int) TIMEOUT.toMillis());
            connected = true;
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            String[] parts = statusLine == null ? new String[0] : statusLine.split(" ");
            int status = parts.length > 1 && parts[1].matches("\\d{3}") ? Integer.parseInt(parts[1]) : -1;
            return (status > 0 && status < 500 ? Health.up() : Health.down()).withDetail("url", url)
                    .withDetail("status", status).withDetail("tls", tls).build();
        } catch (IOException e) {
            // with a client certificate required, the server refuses the check's TLS session once it has taken the
            // connection: an alert (SSLException) or, as often, the socket reset under the check's read
            if (connected && tls && clientCertificateNeeded && !(e instanceof java.net.SocketTimeoutException)) {
                return Health.up().withDetail("url", url).withDetail("tls", true).withDetail("detail",
                        "TLS asked for a client certificate, which this check does not have").build();
            }
            return Health.down().withDetail("url", url).withDetail("error", e.getClass().getSimpleName()).build();
        } catch (GeneralSecurityException e) {
            return Health.down().withDetail("url", url).withDetail("error", e.getClass().getSimpleName()).build();
        }
    }

    private Socket socket() throws IOException, GeneralSecurityException {
        if (!tls) {
            return new Socket();
        }
        // Our own server on loopback, asked nothing and sent nothing: whether it answers is the question, so its
        // certificate (made out to the public name, not to the loopback address) is not checked here; the
        // certificates indicator watches its expiry.
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new X509TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        SSLSocketFactory factory = context.getSocketFactory();
        return factory.createSocket();
    }
}
