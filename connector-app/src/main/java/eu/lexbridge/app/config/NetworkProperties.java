package eu.lexbridge.app.config;

import eu.lexbridge.core.flow.DocumentPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The e-CODEX network as this connector sees it: the partners it exchanges with and the service/action pairs.
 *
 * @param partners the other connectors
 * @param services the service/action pairs back-ends may submit
 */
@Validated
@ConfigurationProperties("lexbridge.network")
public record NetworkProperties(@NotEmpty List<@Valid PartnerEntry> partners,
                                @NotEmpty List<@Valid ServiceEntry> services) {

    /**
     * One partner connector.
     *
     * @param certificate its AS4 certificate (PEM or DER): we encrypt to it and check its signatures against it
     * @param sealCertificate the certificate its evidences must be sealed with (PEM or DER); when empty, any seal
     *     trusted by {@code lexbridge.evidence.trust-store} is accepted from this partner
     */
    public record PartnerEntry(@NotBlank String name, @NotBlank String partyId,
                               @NotBlank @DefaultValue("urn:oasis:names:tc:ebcore:partyid-type:unregistered")
                               String partyIdType,
                               @NotBlank @DefaultValue("GW") String role,
                               @NotNull URI endpoint,
                               @NotNull Path certificate,
                               Path sealCertificate) {
    }

    /**
     * One service/action pair.
     *
     * @param documentPolicy what the business document's signature must be before the message is sent
     */
    public record ServiceEntry(@NotBlank String service, @DefaultValue("") String serviceType,
                               @NotBlank String action,
                               @NotNull @DefaultValue("AUTHENTICATION") DocumentPolicy documentPolicy) {
    }
}
