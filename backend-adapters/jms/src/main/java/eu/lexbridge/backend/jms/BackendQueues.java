package eu.lexbridge.backend.jms;

import java.util.List;

/**
 * The four queues of one back-end. The name is checked at start-up ({@link JmsBackendProperties}) so it holds no
 * broker wildcard and every address is exact.
 *
 * @param backend the back-end's name
 */
public record BackendQueues(String backend) {

    public static final String PREFIX = "lexbridge.backend.";

    /** Back-end to connector: business messages to send. */
    public String submit() {
        return PREFIX + backend + ".submit";
    }

    /** Back-end to connector: DELIVERY, NON_DELIVERY, RETRIEVAL, NON_RETRIEVAL about a received message. */
    public String confirm() {
        return PREFIX + backend + ".confirm";
    }

    /** Connector to back-end: its received messages and the evidences about its messages. */
    public String deliver() {
        return PREFIX + backend + ".deliver";
    }

    /** Connector to back-end: the answer to each submit and confirm. */
    public String reply() {
        return PREFIX + backend + ".reply";
    }

    public List<String> all() {
        return List.of(submit(), confirm(), deliver(), reply());
    }
}
