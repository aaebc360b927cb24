package eu.lexbridge.core.port;

import eu.lexbridge.core.message.ConnectorMessage;

/** Chooses the back-end that receives an inbound business message. */
public interface BackendRouter {

    String backendFor(ConnectorMessage inbound);
}
