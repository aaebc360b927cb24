package eu.lexbridge.app.config;

import eu.lexbridge.core.flow.DocumentPolicy;
import eu.lexbridge.core.transport.As4Profile;
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
 * @param partners the partner connectors, at least one, each with {@code name}, {@code party-id},
 *     {@code party-id-type} (default {@code urn:oasis:names:tc:ebcore:partyid-type:unregistered}), {@code role}
 *     (default {@code GW}), {@code endpoint} (the partner's AS4 URL, {@code https://…/as4}), {@code certificate} (its
 *     AS4 certificate, PEM or DER: its signatures and receipts must be signed with it, and in 1.x we encrypt to it) and
 *     {@code seal-certificate} (optional: the certificate its evidences must be sealed with; a renewed certificate
 *     with the same subject and issuer is accepted too; without it any seal that chains to
 *     {@code lexbridge.evidence.trust-store} is accepted from that partner) and {@code container-seal-certificate}
 *     (optional, the same for the seal of its e-CODEX containers and Trust OK tokens, a key of its own),
 *     {@code as4-profile} (the eDelivery AS4 profile it speaks: {@code 1.x}, the default, or {@code 2.0} (EdDSA
 *     Ed25519, X25519) or {@code 2.0-ecdsa} (ECDSA and ECDH-ES on P-256); 2.0 needs {@code lexbridge.as4.edelivery2})
 *     and {@code encryption-certificate} (for 2.0 only, and required then: its key-agreement certificate, X25519 or
 *     P-256, that we encrypt to; {@code certificate} is then its signing certificate)
 * @param services the service/action pairs back-ends may submit, at least one, each with {@code service},
 *     {@code service-type} (default empty), {@code action} and {@code document-policy}: what the business document
 *     must be before the message is sent ({@code AUTHENTICATION} by default, {@code NONE},
 *     {@code ADVANCED_SIGNATURE} or {@code QUALIFIED}; see "document-policy" below)
 * @param allowPlainHttp FOR TESTS ONLY: accept {@code http:} partner endpoints. eDelivery AS4 requires TLS, so a partner
 *     endpoint must be {@code https:} and any other scheme stops the start unless this is {@code true}
 */
@Validated
@ConfigurationProperties("lexbridge.network")
public record NetworkProperties(@NotEmpty List<@Valid PartnerEntry> partners,
                                @NotEmpty List<@Valid ServiceEntry> services,
                                @DefaultValue("false") boolean allowPlainHttp) {

    public NetworkProperties {
        for (int i = 0; partners != null && i < partners.size(); i++) {
            checkProfile(partners.get(i), "lexbridge.network.partners[" + i + "].");
            URI endpoint = partners.get(i).endpoint();
            String scheme = endpoint == null ? null : endpoint.getScheme();
            if (endpoint != null && !"https".equalsIgnoreCase(scheme)
                    && !(allowPlainHttp && "http".equalsIgnoreCase(scheme))) {
                throw new IllegalArgumentException("lexbridge.network.partners[" + i + "].endpoint must be an https: URL"
                        + " (eDelivery AS4 requires TLS), was '" + endpoint + "'"
                        + ("http".equalsIgnoreCase(scheme) ? "; lexbridge.network.allow-plain-http=true allows http:"
                        + " in tests only" : ""));
            }
        }
    }

    private static void checkProfile(PartnerEntry partner, String key) {
        As4Profile profile = As4Profile.ofLabel(partner.as4Profile()).orElseThrow(() -> new IllegalArgumentException(
                key + "as4-profile must be 1.x, 2.0 or 2.0-ecdsa, was '" + partner.as4Profile() + "'"));
        if (profile.separateEncryptionKey() && partner.encryptionCertificate() == null) {
            throw new IllegalArgumentException(key + "encryption-certificate is required with as4-profile "
                    + profile.label() + ": a 2.0 partner decrypts with a key of its own (X25519 or P-256)");
        }
        if (!profile.separateEncryptionKey() && partner.encryptionCertificate() != null) {
            throw new IllegalArgumentException(key + "encryption-certificate is for as4-profile 2.0 or 2.0-ecdsa"
                    + " only: a 1.x partner decrypts with its certificate");
        }
    }

    /**
     * One partner connector.
     *
     * @param certificate its AS4 certificate (PEM or DER): we check its signatures against it, and in 1.x we encrypt
     *     to it too
     * @param sealCertificate the certificate its evidences must be sealed with (PEM or DER); when empty, any seal
     *     trusted by {@code lexbridge.evidence.trust-store} is accepted from this partner
     * @param containerSealCertificate the certificate its e-CODEX containers and Trust OK tokens must be sealed with (PEM
     *     or DER; a renewed certificate with the same subject and issuer is accepted too); when empty, any seal trusted by
     *     {@code lexbridge.evidence.trust-store} is accepted, as the official connector does
     * @param as4Profile the eDelivery AS4 profile it speaks: {@code 1.x}, {@code 2.0} or {@code 2.0-ecdsa}
     * @param encryptionCertificate for 2.0: its key-agreement certificate (PEM or DER) that we encrypt to
     */
    public record PartnerEntry(@NotBlank String name, @NotBlank String partyId,
                               @NotBlank @DefaultValue("urn:oasis:names:tc:ebcore:partyid-type:unregistered")
                               String partyIdType,
                               @NotBlank @DefaultValue("GW") String role,
                               @NotNull URI endpoint,
                               @NotNull Path certificate,
                               Path sealCertificate,
                               Path containerSealCertificate,
                               @NotBlank @DefaultValue("1.x") String as4Profile,
                               Path encryptionCertificate) {

        /** The profile {@link #as4Profile()} names; checked when the network settings are bound. */
        public As4Profile profile() {
            return As4Profile.ofLabel(as4Profile).orElseThrow();
        }
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
