package eu.lexbridge.core.message;

/** Seen from this connector: OUTBOUND leaves for another Member State, INBOUND arrives from one. */
public enum Direction {
    OUTBOUND,
    INBOUND
}
