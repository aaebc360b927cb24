package eu.lexbridge.core.message;

import java.util.Objects;

/** The ebMS service of an exchange (one per e-CODEX use case, e.g. e-Evidence) with its type. */
public record BusinessService(String value, String type) {
    public BusinessService {
        Objects.requireNonNull(value, "value");
        type = type == null ? "" : type;
    }
}
