package eu.lexbridge.core.port;

import java.util.UUID;

/** Puts a message id on a persistent queue, for work started outside a route (a back-end call, an AS4 reception). */
public interface MessageBus {

    /**
     * @param conversationId keeps one conversation in order (message group) while others run in parallel
     * @throws eu.lexbridge.core.error.ConnectorException QUEUE_UNAVAILABLE when the id could not be queued
     */
    void publish(Hop hop, UUID connectorMessageId, String conversationId);
}
