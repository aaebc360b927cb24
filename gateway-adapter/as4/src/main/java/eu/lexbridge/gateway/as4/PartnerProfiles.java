package eu.lexbridge.gateway.as4;

import eu.lexbridge.core.transport.Partner;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether this access point can exchange with a partner in the AS4 profile the partner is configured for: we hold our
 * own keys of that profile, and the partner's certificates hold the key types the profile uses. A partner that does
 * not fit is refused at configuration time, not on the wire; one added to the directory at run time is refused when a
 * message is sent to it (failed, never retried) or comes from it (EBMS:0010).
 */
public final class PartnerProfiles {

    private PartnerProfiles() {
    }

    /**
     * @throws IllegalArgumentException naming the first partner that does not fit, in one sentence
     */
    public static void requireFit(As4Settings settings, Collection<Partner> partners) {
        Objects.requireNonNull(settings, "settings");
        for (Partner partner : partners) {
            Optional<String> problem = problem(settings, partner);
            if (problem.isPresent()) {
                throw new IllegalArgumentException(problem.get());
            }
        }
    }

    /** Why we cannot exchange with {@code partner} in its profile, as one sentence; empty when we can. */
    static Optional<String> problem(As4Settings settings, Partner partner) {
        ProfileSecurity profile = ProfileSecurity.of(partner.as4Profile());
        String label = "eDelivery AS4 " + partner.as4Profile().label();
        if (!settings.speaks(partner.as4Profile())) {
            return Optional.of("Partner " + partner.name() + " speaks " + label + ", and this access point has no "
                    + label + " keys of its own (a signing and a decryption key): refused at configuration time,"
                    + " not on the wire.");
        }
        String signing = ProfileSecurity.keyType(partner.certificate().getPublicKey());
        if (!profile.signsWith(partner.certificate().getPublicKey())) {
            return Optional.of("Partner " + partner.name() + "'s signing certificate holds " + article(signing) + " "
                    + signing + " key, and " + label + " signs with " + profile.signingKeyType()
                    + ": refused at configuration time, not on the wire.");
        }
        String decryption = ProfileSecurity.keyType(partner.encryptionCertificate().getPublicKey());
        if (!profile.decryptsWith(partner.encryptionCertificate().getPublicKey())) {
            return Optional.of("Partner " + partner.name() + "'s encryption certificate holds " + article(decryption)
                    + " " + decryption + " key, and " + label + " encrypts for " + profile.decryptionKeyType()
                    + ": refused at configuration time, not on the wire.");
        }
        return Optional.empty();
    }

    private static String article(String keyType) {
        return keyType.startsWith("E") || keyType.startsWith("R") || keyType.startsWith("X") ? "an" : "a";
    }
}
