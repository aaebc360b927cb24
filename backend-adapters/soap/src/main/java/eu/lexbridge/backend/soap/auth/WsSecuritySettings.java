package eu.lexbridge.backend.soap.auth;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.ext.WSPasswordCallback;

/**
 * The WS-Security of the SOAP API as the official {@code backend.policy.xml} has it, with WSS4J's actions: each
 * message carries a timestamp, a signature over its Body and timestamp by the sender's X.509 key, and its Body
 * encrypted to the receiver's certificate; the answer confirms the signature it answers (SignatureConfirmation).
 * MTOM stays on: attachments are signed and encrypted with the Body they belong to.
 *
 * @param suite the algorithms
 * @param timestampTtl how old a received timestamp may be, and how long ours are valid
 */
public record WsSecuritySettings(AlgorithmSuite suite, Duration timestampTtl) {

    /** Actions both ways: the timestamp first, then the signature over it and the Body, then the Body encrypted. */
    static final String ACTIONS = ConfigurationConstants.TIMESTAMP + " " + ConfigurationConstants.SIGNATURE + " "
            + ConfigurationConstants.ENCRYPTION;
    private static final String SIGNING_CRYPTO = "lexbridge.soap.signing-crypto";
    private static final String VERIFYING_CRYPTO = "lexbridge.soap.verifying-crypto";

    public WsSecuritySettings {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(timestampTtl, "timestampTtl");
    }

    /**
     * What a receiver needs: decryption with {@code own}, signatures verified against {@code crypto}'s trusted
     * certificates, the timestamp checked, and what it received remembered for the SignatureConfirmation of its answer.
     */
    public Map<String, Object> receiving(ConnectorKey own, Crypto crypto) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConfigurationConstants.ACTION, ACTIONS);
        settings.put(ConfigurationConstants.SIG_VER_PROP_REF_ID, VERIFYING_CRYPTO);
        settings.put(ConfigurationConstants.DEC_PROP_REF_ID, SIGNING_CRYPTO);
        settings.put(SIGNING_CRYPTO, crypto);
        settings.put(VERIFYING_CRYPTO, crypto);
        settings.put(ConfigurationConstants.PW_CALLBACK_REF, passwords(own));
        settings.put(ConfigurationConstants.TTL_TIMESTAMP, Long.toString(timestampTtl.toSeconds()));
        settings.put(ConfigurationConstants.REQUIRE_TIMESTAMP_EXPIRES, "true");
        settings.put(ConfigurationConstants.ENABLE_SIGNATURE_CONFIRMATION, "true");
        settings.put(ConfigurationConstants.EXPAND_XOP_INCLUDE, "true");
        return settings;
    }

    /**
     * What a sender needs: signed with {@code own}, encrypted to {@code encryptTo} (an alias of a certificate in
     * {@code crypto}, or {@code useReqSigCert}: the certificate that signed the request answered).
     */
    public Map<String, Object> sending(ConnectorKey own, Crypto crypto, String encryptTo) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConfigurationConstants.ACTION, ACTIONS);
        settings.put(ConfigurationConstants.SIG_PROP_REF_ID, SIGNING_CRYPTO);
        settings.put(ConfigurationConstants.ENC_PROP_REF_ID, VERIFYING_CRYPTO);
        settings.put(SIGNING_CRYPTO, crypto);
        settings.put(VERIFYING_CRYPTO, crypto);
        settings.put(ConfigurationConstants.USER, own.alias());
        settings.put(ConfigurationConstants.SIGNATURE_USER, own.alias());
        settings.put(ConfigurationConstants.ENCRYPTION_USER, encryptTo);
        settings.put(ConfigurationConstants.PW_CALLBACK_REF, passwords(own));
        settings.put(ConfigurationConstants.SIG_KEY_ID, "DirectReference");
        settings.put(ConfigurationConstants.ENC_KEY_ID, "DirectReference");
        settings.put(ConfigurationConstants.SIGNATURE_PARTS, "{}{http://www.w3.org/2003/05/soap-envelope}Body;"
                + "{}{http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd}Timestamp");
        settings.put(ConfigurationConstants.ENCRYPTION_PARTS, "{Content}{http://www.w3.org/2003/05/soap-envelope}Body");
        settings.put(ConfigurationConstants.SIG_ALGO, suite.signature());
        settings.put(ConfigurationConstants.SIG_DIGEST_ALGO, suite.digest());
        settings.put(ConfigurationConstants.ENC_SYM_ALGO, suite.encryption());
        settings.put(ConfigurationConstants.ENC_KEY_TRANSPORT, suite.keyTransport());
        settings.put(ConfigurationConstants.ENC_DIGEST_ALGO, suite.keyTransportDigest());
        if (suite.keyTransportMgf() != null) {
            settings.put(ConfigurationConstants.ENC_MGF_ALGO, suite.keyTransportMgf());
        }
        settings.put(ConfigurationConstants.TTL_TIMESTAMP, Long.toString(timestampTtl.toSeconds()));
        settings.put(ConfigurationConstants.ENABLE_SIGNATURE_CONFIRMATION, "true");
        settings.put(ConfigurationConstants.STORE_BYTES_IN_ATTACHMENT, "true");
        settings.put(ConfigurationConstants.EXPAND_XOP_INCLUDE, "true");
        return settings;
    }

    /** Hands WSS4J the key's password, for our own alias only. */
    private static javax.security.auth.callback.CallbackHandler passwords(ConnectorKey own) {
        return callbacks -> {
            for (var callback : callbacks) {
                if (callback instanceof WSPasswordCallback password && own.alias().equals(password.getIdentifier())) {
                    password.setPassword(new String(own.password()));
                }
            }
        };
    }
}
