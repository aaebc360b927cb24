/**
 * The embedded eDelivery AS4 1.x access point (phase4 4.4.1) with the e-CODEX mapping.
 *
 * <p>Wiring, in this order (the app does it, e.g. in a {@code ServletContextInitializer}):
 * <ol>
 *   <li>{@link eu.lexbridge.gateway.as4.As4Runtime#start} with the servlet context and {@link
 *       eu.lexbridge.gateway.as4.As4Settings}: phase4's global scope, data path, configuration, managers, our profile
 *       {@value eu.lexbridge.gateway.as4.LexBridgeProfile#ID}, and on JDK &lt; 21 the {@link
 *       eu.lexbridge.gateway.as4.StreamingGcmProvider}. One per JVM.</li>
 *   <li>{@link eu.lexbridge.gateway.as4.As4ReceivingServlet} mapped on e.g. {@code /as4}: it resolves PModes from the
 *       {@link eu.lexbridge.core.port.PartnerDirectory} and hands messages to the
 *       {@link eu.lexbridge.core.port.TransmissionReceiver} before the receipt goes out.</li>
 *   <li>{@link eu.lexbridge.gateway.as4.EmbeddedAccessPoint} as the {@link eu.lexbridge.core.port.GatewayLink}.</li>
 * </ol>
 * Close them in reverse order. Refused messages are recorded as {@link eu.lexbridge.core.port.SecurityEvents}.
 */
package eu.lexbridge.gateway.as4;
