package eu.lexbridge.gateway.domibus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The HTTP Basic credential Domibus pushes with ({@code wsplugin.push.auth.username/password}). Only the SHA-256 of the
 * password is kept, and the comparison takes the same time whatever the guess.
 */
public final class PushCredentials {

    private final String username;
    private final byte[] passwordSha256;

    public PushCredentials(String username, String password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isBlank() || password.isEmpty()) {
            throw new IllegalArgumentException("the push credential needs a user name and a password");
        }
        this.username = username;
        this.passwordSha256 = sha256(password);
    }

    /** Whether the given user name and password are this credential. */
    boolean matches(String givenUser, String givenPassword) {
        if (givenUser == null || givenPassword == null) {
            return false;
        }
        boolean userMatches = MessageDigest.isEqual(sha256(username), sha256(givenUser));
        boolean passwordMatches = MessageDigest.isEqual(passwordSha256, sha256(givenPassword));
        return userMatches & passwordMatches;
    }

    @Override
    public String toString() {
        return "PushCredentials[username=" + username + ", password=****]";
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
