package eu.lexbridge.backend.rest.auth;

import java.util.Objects;

/**
 * The back-end a request was authenticated as. Controllers take it as a parameter, so no call can name another
 * back-end.
 */
public record AuthenticatedBackend(String name) {

    /** The request attribute the authentication filter stores it under. */
    public static final String ATTRIBUTE = AuthenticatedBackend.class.getName();

    public AuthenticatedBackend {
        Objects.requireNonNull(name, "name");
    }
}
