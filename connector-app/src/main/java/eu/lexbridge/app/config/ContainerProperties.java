package eu.lexbridge.app.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The e-CODEX container our business documents travel in. Received containers are checked against
 * {@code lexbridge.evidence.trust-store}, which holds the CAs of partners' seals.
 *
 * @param seal the container-seal key: a key of its own (Annex I 5.3); set {@code key-alias}, it defaults to "seal"
 * @param serviceProvider the issuer named in our Trust OK tokens
 * @param country our Member State, two letters, named in our Trust OK tokens; required
 */
@Validated
@ConfigurationProperties("lexbridge.container")
public record ContainerProperties(
        // Seal is declared in EvidenceProperties: without this the metadata would not list container.seal.*
        @NotNull @Valid @NestedConfigurationProperty EvidenceProperties.Seal seal,
        @NotBlank @DefaultValue("LexBridge") String serviceProvider,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter country code") String country) {
}
