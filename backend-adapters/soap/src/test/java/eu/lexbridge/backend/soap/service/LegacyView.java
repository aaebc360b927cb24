package eu.lexbridge.backend.soap.service;

import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageType;

/** Lets the tests read a 4.x-generation message in the 6.x types, as the service does. */
public final class LegacyView {

    private LegacyView() {
    }

    public static DomibusConnectorMessageType of(Object legacyMessage) {
        return TwinCopy.copy(legacyMessage, DomibusConnectorMessageType.class);
    }
}
