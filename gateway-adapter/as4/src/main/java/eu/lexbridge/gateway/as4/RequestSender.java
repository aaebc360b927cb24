package eu.lexbridge.gateway.as4;

import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.transport.Partner;
import java.util.Optional;

/**
 * What one incoming request has shown of its sender so far. phase4 reads the ebMS header, and asks
 * {@link PartnerPModeResolver} for the PMode, before WSS4J verifies the signature: so the partner named by
 * From/PartyId, as the directory knows it at this moment, is there when {@link PartnerCertificates} resolves the
 * signing certificate, and the reason of a refusal is there when {@link RefusedMessageLog} writes the request's one
 * security event. One instance per request, used by that request's thread only.
 */
final class RequestSender {

    private Partner partner;
    private SecurityEvents.Kind refusalKind;
    private String refusalReason;
    private String policyViolation;

    /**
     * The other side of a message we send to {@code partner}: its receipt's signer is held to that partner, and to the
     * profile it speaks.
     */
    static RequestSender sendingTo(Partner partner) {
        RequestSender counterpart = new RequestSender();
        counterpart.found(partner);
        return counterpart;
    }

    /** The partner the message claims to come from, once the PMode resolver has found it in the directory. */
    Optional<Partner> partner() {
        return Optional.ofNullable(partner);
    }

    void found(Partner claimed) {
        this.partner = claimed;
    }

    /** A refusal decided before an ebMS error is built: its kind of security event and its reason. */
    void refused(SecurityEvents.Kind kind, String reason) {
        this.refusalKind = kind;
        this.refusalReason = reason;
    }

    Optional<SecurityEvents.Kind> refusalKind() {
        return Optional.ofNullable(refusalKind);
    }

    Optional<String> refusalReason() {
        return Optional.ofNullable(refusalReason);
    }

    /**
     * The message is not secured as its partner's AS4 profile requires (ebMS3 Core §6.7.2 EBMS:0103
     * PolicyNoncompliance): the first algorithm WSS4J met that the profile does not use, as a sentence.
     */
    void policyViolated(String sentence) {
        if (policyViolation == null) {
            policyViolation = sentence;
            refused(SecurityEvents.Kind.AS4_SECURITY_FAILURE, sentence);
        }
    }

    Optional<String> policyViolation() {
        return Optional.ofNullable(policyViolation);
    }
}
