package eu.lexbridge.app;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * An identity provider as far as a resource server sees one: its signing key's JWK set served over real HTTP on
 * loopback, and RS256 access tokens signed with that key (or, to be refused, with a key it never published).
 */
final class LoopbackIdentityProvider implements AutoCloseable {

    static final String AUDIENCE = "lexbridge-management";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair key = rsa();
    private final KeyPair foreignKey = rsa();
    private final HttpServer server;

    LoopbackIdentityProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RSAPublicKey publicKey = (RSAPublicKey) key.getPublic();
        byte[] jwks = ("{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"idp-1\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + unsigned(publicKey.getModulus()) + "\",\"e\":\"" + unsigned(publicKey.getPublicExponent()) + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
    }

    String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** A token valid for five minutes carrying {@code roles}. */
    String token(String subject, String rolesJson) {
        return sign(key, claims(subject, rolesJson, Instant.now().plusSeconds(300), AUDIENCE));
    }

    String expiredToken(String subject, String rolesJson) {
        return sign(key, claims(subject, rolesJson, Instant.now().minusSeconds(600), AUDIENCE));
    }

    String foreignSignedToken(String subject, String rolesJson) {
        return sign(foreignKey, claims(subject, rolesJson, Instant.now().plusSeconds(300), AUDIENCE));
    }

    String tokenForAnotherAudience(String subject, String rolesJson) {
        return sign(key, claims(subject, rolesJson, Instant.now().plusSeconds(300), "another-service"));
    }

    /** {@code alg: none}: no signature at all. */
    String unsignedToken(String subject, String rolesJson) {
        return B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims(subject, rolesJson, Instant.now().plusSeconds(300), AUDIENCE)
                .getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static String claims(String subject, String rolesJson, Instant expiry, String audience) {
        long now = Instant.now().getEpochSecond();
        return "{\"sub\":\"" + subject + "\",\"aud\":\"" + audience + "\",\"iat\":" + (now - 60) + ",\"exp\":"
                + expiry.getEpochSecond() + (rolesJson == null ? "" : ",\"roles\":" + rolesJson) + "}";
    }

    private static String sign(KeyPair signer, String claims) {
        String signingInput = B64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"idp-1\",\"typ\":\"JWT\"}"
                .getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(signer.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return B64.encodeToString(bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
