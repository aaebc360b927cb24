package eu.lexbridge.app.config;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which access point the connector sends and receives through.
 *
 * @param kind {@code embedded}: the AS4 access point inside this application ({@code lexbridge.as4.*});
 *     {@code domibus}: a Domibus 5.x access point, through its WS plugin ({@code lexbridge.gateway.domibus.*})
 */
@Validated
@ConfigurationProperties("lexbridge.gateway")
public record GatewayProperties(@NotNull @DefaultValue("embedded") Kind kind) {

    /** The access points the connector can use. */
    public enum Kind {
        /** The embedded AS4 access point (phase4). */
        EMBEDDED,
        /** Domibus, through its default WS plugin. */
        DOMIBUS
    }
}
