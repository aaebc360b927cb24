package eu.lexbridge.backend.rest;

import eu.lexbridge.core.flow.Submission;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The back-ends allowed to call the REST API, under {@code lexbridge.rest}. Only the SHA-256 of each token is
 * configured, so the configuration does not hold a usable secret. A back-end may instead prove itself with its client
 * certificate over mutual TLS ({@code lexbridge.backend-identity.certificates.<name>}, the identity the SOAP API knows
 * it by too).
 *
 * @param enabled whether the REST API is served at all
 * @param backends the back-ends allowed to call, by name (the {@code backendName} their messages carry: 1 to 64
 *     letters, digits, '.', '_' or '-'), each with {@code token-sha256} ({@code backends.<name>.token-sha256}): the
 *     hex SHA-256 of its bearer token ({@code printf %s "$TOKEN" | sha256sum}), a token of its own, optional for a
 *     back-end that calls with its client certificate over mutual TLS ({@code lexbridge.backend-identity}); and
 *     {@code webhook}, optional, to have its received messages and evidences pushed to it, signed as Standard
 *     Webhooks has it: {@code webhook.url} (an {@code https:} URL; {@code http:} only with
 *     {@code lexbridge.network.allow-plain-http=true}) and {@code webhook.secret} ({@code whsec_} followed by the
 *     base64 of 24 to 64 random bytes; keep it out of files, e.g. {@code secret: ${COURT_WEBHOOK_SECRET}}). Without
 *     a token or a certificate every call is refused
 * @param maxAttachments the most {@code attachments} parts one submission may have (0 to 26; more is refused with 413
 *     {@code LB-1009}). 26 is the most a receiving access point accepts: without a business document each attachment
 *     is an AS4 part, and the AS4 signature (2 references + one per part: content, attachments, evidence) may have
 *     at most 30 references under Apache Santuario's secure validation, which Domibus and phase4 apply. A value above
 *     26 stops the start
 */
@Validated
@ConfigurationProperties("lexbridge.rest")
public record RestBackendProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull Map<@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
                message = "must be 1 to 64 letters, digits, '.', '_' or '-'") String, @NotNull @Valid Backend> backends,
        @DefaultValue("" + Submission.MAX_ATTACHMENTS) @Min(0)
        @Max(value = Submission.MAX_ATTACHMENTS, message = "must be at most " + Submission.MAX_ATTACHMENTS
                + ": a message with more attachments is refused by the receiving access point (30 signature "
                + "references)") int maxAttachments) {

    public RestBackendProperties {
        backends = backends == null ? Map.of() : Map.copyOf(backends);
    }

    /** Two back-ends with one token could not be told apart. */
    @AssertTrue(message = "every back-end must have its own token (two tokenSha256 values are equal)")
    public boolean isEveryTokenDistinct() {
        List<String> tokens = backends.values().stream().map(Backend::tokenSha256).filter(Objects::nonNull)
                .map(t -> t.toLowerCase(Locale.ROOT)).toList();
        return tokens.stream().distinct().count() == tokens.size();
    }

    /**
     * One back-end's credentials and, if it wants them pushed, where its messages and evidences go.
     *
     * @param tokenSha256 the hex SHA-256 of the bearer token the back-end sends (printf %s "$TOKEN" | sha256sum);
     *     optional for a back-end that calls with its client certificate
     * @param webhook where the back-end's received messages and evidences are POSTed, signed; without it the back-end
     *     reads them (inbox, change feed)
     */
    public record Backend(
            @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be the hex SHA-256 of the token (64 hex digits)")
            String tokenSha256,
            @Valid Webhook webhook) {
    }

    /**
     * A back-end's webhook, signed as the Standard Webhooks specification has it (headers {@code webhook-id},
     * {@code webhook-timestamp}, {@code webhook-signature}).
     *
     * @param url the back-end's endpoint; {@code https:} (plain {@code http:} only with
     *     {@code lexbridge.network.allow-plain-http=true}, for tests)
     * @param secret the signing secret shared with the back-end: {@code whsec_} followed by the base64 of 24 to 64
     *     random bytes ({@code echo "whsec_$(openssl rand -base64 32)"}). Keep it out of files: set it from the
     *     environment, e.g. {@code secret: ${COURT_WEBHOOK_SECRET}}
     */
    public record Webhook(@NotNull URI url, @NotNull String secret) {
        /** Without the secret: configuration is printed by start-up failures and debug logs. */
        @Override
        public String toString() {
            return "Webhook[url=" + url + ", secret=(hidden)]";
        }
    }
}
