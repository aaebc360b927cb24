package eu.lexbridge.gateway.as4;

import com.helger.phase4.crypto.IAS4DecryptParameterModifier;
import eu.lexbridge.core.transport.As4Profile;
import eu.lexbridge.core.transport.Partner;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Set;
import org.apache.wss4j.common.crypto.AlgorithmSuite;
import org.apache.wss4j.dom.handler.RequestData;

/**
 * Holds WSS4J to the algorithms of the AS4 profile the sending partner speaks: its signature method and digest, its
 * key transport (1.x: RSA-OAEP) or key agreement, key derivation and key wrap (2.0), and AES-128-GCM for the data. A
 * 1.x message from a partner configured for 2.0, or the reverse, is refused before its signature or keys are used.
 * phase4 reads the signature algorithm but never compares it with the PMode, and WSS4J says which algorithm it refused
 * only in its log: this suite remembers it ({@link RequestSender#policyViolated}), so the refusal is answered with
 * EBMS:0103 PolicyNoncompliance naming it ({@link RefusedMessageLog}). Exclusive canonicalisation and the transforms
 * are the same in all profiles and left to phase4's checks.
 *
 * <p>One per exchange: for a request the partner is the one the PMode resolver found; for a receipt, the one sent to.
 */
final class ProfilePolicy implements IAS4DecryptParameterModifier {

    private static final int MAX_RSA_BITS = 16384;
    /** Algorithm URIs are short; a longer value is shown cut. */
    private static final int MAX_SHOWN = 120;

    private final RequestSender sender;

    ProfilePolicy(RequestSender sender) {
        this.sender = sender;
    }

    @Override
    public void modifyRequestData(RequestData requestData) {
        As4Profile profile = sender.partner().map(Partner::as4Profile).orElse(As4Profile.EDELIVERY_1);
        requestData.setAlgorithmSuite(new Suite(ProfileSecurity.of(profile), sender));
    }

    /** The message's own value, in a sentence of ours: printable and short. */
    private static String shown(Object algorithm) {
        String text = String.valueOf(algorithm).replaceAll("\\p{Cntrl}", "?");
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
    }

    /** The profile's algorithms; a look-up that misses is the violation. */
    private static final class Suite extends AlgorithmSuite {

        private final ProfileSecurity profile;
        private final RequestSender sender;

        Suite(ProfileSecurity profile, RequestSender sender) {
            this.profile = profile;
            this.sender = sender;
            // The suite is about algorithms; key sizes stay as before it (WSS4J's default would refuse RSA above
            // 4096 bits, which no profile forbids).
            setMaximumAsymmetricKeyLength(MAX_RSA_BITS);
            addSignatureMethod(profile.signature().getAlgorithmURI());
            addDigestAlgorithm(ProfileSecurity.DIGEST.getAlgorithmURI());
            addEncryptionMethod(ProfileSecurity.PAYLOAD_ENCRYPTION.getAlgorithmURI());
            addKeyWrapAlgorithm(profile.keyWrapUri());
            if (profile.keyAgreement() != null) {
                addKeyAgreementMethodAlgorithm(profile.keyAgreement().getID());
                // WSS4J checks an AgreementMethod's KeyDerivationMethod against the derived-key algorithms.
                addDerivedKeyAlgorithm(profile.keyDerivationUri());
            }
        }

        @Override
        public Set<String> getSignatureMethods() {
            return watched(super.getSignatureMethods(), "signature method");
        }

        @Override
        public Set<String> getDigestAlgorithms() {
            return watched(super.getDigestAlgorithms(), "digest");
        }

        @Override
        public Set<String> getEncryptionMethods() {
            return watched(super.getEncryptionMethods(), "payload encryption");
        }

        @Override
        public Set<String> getKeyWrapAlgorithms() {
            // The EncryptedKey's method: RSA-OAEP key transport in 1.x, AES key wrap in 2.0.
            return watched(super.getKeyWrapAlgorithms(), "key encryption");
        }

        @Override
        public Set<String> getKeyAgreementMethodAlgorithms() {
            // 1.x has no key agreement: any is a violation, so the set must not be empty (empty allows all).
            return profile.keyAgreement() == null ? nothingAllowed("key agreement")
                    : watched(super.getKeyAgreementMethodAlgorithms(), "key agreement");
        }

        @Override
        public Set<String> getDerivedKeyAlgorithms() {
            return watched(super.getDerivedKeyAlgorithms(), "key derivation");
        }

        private Set<String> nothingAllowed(String what) {
            return new Watched(Set.of(), what, true);
        }

        private Set<String> watched(Set<String> allowed, String what) {
            return new Watched(allowed, what, false);
        }

        /**
         * A set whose failed {@code contains} is reported to the request's sender. WSS4J takes an empty set for "any
         * algorithm"; a forbidden one is empty and says it is not, so that every algorithm misses.
         */
        private final class Watched extends AbstractSet<String> {
            private final Set<String> allowed;
            private final String what;
            private final boolean forbidden;

            Watched(Set<String> allowed, String what, boolean forbidden) {
                this.allowed = allowed;
                this.what = what;
                this.forbidden = forbidden;
            }

            @Override
            public boolean isEmpty() {
                return !forbidden && allowed.isEmpty();
            }

            @Override
            public boolean contains(Object algorithm) {
                if (allowed.contains(algorithm)) {
                    return true;
                }
                sender.policyViolated("The message is not secured as eDelivery AS4 " + profile.profile().label()
                        + " requires, the profile agreed with the sending party: its " + what + " "
                        + shown(algorithm) + " is not that profile's.");
                return false;
            }

            @Override
            public Iterator<String> iterator() {
                return allowed.iterator();
            }

            @Override
            public int size() {
                return allowed.size();
            }
        }
    }
}
