package eu.lexbridge.core.port;

import eu.lexbridge.core.log.LogSafe;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where security events go: the separate security log ({@code lexbridge.security}, design §8) and, in the running
 * connector, a counter per kind that operations alert on. A detail names messages, parties and reasons; never payload
 * content, personal data or key material.
 */
public interface SecurityEvents {

    /** The kinds of security event, each counted apart. */
    enum Kind {
        /** An AS4 message from or for a party that is not a configured partner. */
        UNKNOWN_PARTNER,
        /** An AS4 message or receipt whose WS-Security signature, certificate or decryption failed. */
        AS4_SECURITY_FAILURE,
        /** A received evidence whose seal is broken, untrusted or whose content does not match. */
        EVIDENCE_REFUSED,
        /** A received e-CODEX container that failed its structure, zip or seal checks. */
        CONTAINER_REFUSED,
        /** A submitted business document whose signatures fall below its service's policy. */
        DOCUMENT_BELOW_POLICY,
        /** Input refused before it was used: XML with a DOCTYPE (entities) or not well-formed. */
        UNSAFE_INPUT,
        /** A back-end API call without a valid credential, or outside the back-end's rights. */
        BACKEND_ACCESS_REFUSED,
        /**
         * A management-port call refused: bad credentials or token, a role too low for the call, a foreign
         * {@code Host} or {@code Origin}, or a JMX operation outside the management access policy.
         */
        MANAGEMENT_ACCESS_REFUSED,
        /** An attempt to change or delete a transmission record, which stays as it was recorded. */
        RECORD_CHANGE_REFUSED,
        /** A call to the endpoint an access point (Domibus) pushes to, without its credential. */
        GATEWAY_ACCESS_REFUSED
    }

    void record(Kind kind, String detail);

    /** Security events written to the security log only, for set-ups without metrics (tests, tools). */
    static SecurityEvents logOnly() {
        return LogOnly.INSTANCE;
    }

    /** The log line every implementation writes. */
    final class LogOnly implements SecurityEvents {
        private static final LogOnly INSTANCE = new LogOnly();
        private static final Logger LOG = LoggerFactory.getLogger("lexbridge.security");

        private LogOnly() {
        }

        @Override
        public void record(Kind kind, String detail) {
            // The detail names outside values (ids, names, addresses): escaped whole, so none can forge a line.
            LOG.warn("{}: {}", Objects.requireNonNull(kind, "kind"), LogSafe.of(detail, 4096));
        }
    }
}
