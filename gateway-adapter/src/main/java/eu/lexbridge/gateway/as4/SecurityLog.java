package eu.lexbridge.gateway.as4;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The separate security log (design §8): refused messages, signature and certificate problems. Never payload content. */
final class SecurityLog {

    static final Logger LOG = LoggerFactory.getLogger("lexbridge.security");

    private SecurityLog() {
    }
}
