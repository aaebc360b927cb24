package eu.lexbridge.tools.demo;

import java.util.Locale;

/**
 * The access point the end-to-end tests' connectors use: the embedded one, or Domibus when the tests run with
 * {@code -Dlexbridge.it.gateway=domibus} (two stand-in nodes, {@link DomibusNetwork}). The README's test command runs
 * them on the embedded access point, and {@link DomibusModeIT} on Domibus; a test that checks what only the embedded
 * access point does says so and is skipped on Domibus.
 */
public enum ItGateway {
    EMBEDDED,
    DOMIBUS;

    static final String PROPERTY = "lexbridge.it.gateway";

    /** The access point this run's tests use. */
    public static ItGateway chosen() {
        String value = System.getProperty(PROPERTY, "");
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "", "embedded" -> EMBEDDED;
            case "domibus" -> DOMIBUS;
            default -> throw new IllegalArgumentException(PROPERTY + " must be embedded or domibus, was " + value);
        };
    }
}
