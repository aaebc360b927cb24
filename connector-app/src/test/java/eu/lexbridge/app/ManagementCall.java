package eu.lexbridge.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 call to the management port over a plain socket, so that a test can send what a browser or a rebound
 * host name would: any {@code Host}, {@code Origin} or {@code Sec-Fetch-Site} (the JDK's HTTP client refuses to set
 * {@code Host}).
 *
 * @param headers request headers; {@code Host} defaults to the loopback address and port
 */
record ManagementCall(String method, String path, Map<String, String> headers, String body) {

    /** The answer: status, headers (names in lower case) and body. */
    record Reply(int status, Map<String, String> headers, String body) {
    }

    static ManagementCall get(String path) {
        return new ManagementCall("GET", path, Map.of(), null);
    }

    static ManagementCall post(String path, String contentType, String body) {
        return new ManagementCall("POST", path, Map.of("Content-Type", contentType), body);
    }

    static ManagementCall delete(String path) {
        return new ManagementCall("DELETE", path, Map.of(), null);
    }

    ManagementCall header(String name, String value) {
        var all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new ManagementCall(method, path, all, body);
    }

    ManagementCall basic(String user, String password) {
        return header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    ManagementCall bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    Reply send(int port) {
        return send(InetAddress.getLoopbackAddress(), port);
    }

    /** Sent to {@code address}; {@code Host} still defaults to 127.0.0.1 and the port. */
    Reply send(InetAddress address, int port) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        var request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        if (headers.keySet().stream().noneMatch("Host"::equalsIgnoreCase)) {
            request.append("Host: 127.0.0.1:").append(port).append("\r\n");
        }
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("Connection: close\r\nContent-Length: ").append(content.length).append("\r\n\r\n");
        try (Socket socket = new Socket(address, port)) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(content);
            socket.getOutputStream().flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reply parse(byte[] raw) throws IOException {
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        String[] head = all.substring(0, end).split("\r\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.merge(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    head[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(new java.io.ByteArrayInputStream(body));
        }
        return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream();
        while (true) {
            var size = new StringBuilder();
            for (int c = in.read(); c != '\n' && c != -1; c = in.read()) {
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            int length = size.isEmpty() ? 0 : Integer.parseInt(size.toString().split(";")[0].trim(), 16);
            if (length == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(length));
            in.readNBytes(2);
        }
    }
}
