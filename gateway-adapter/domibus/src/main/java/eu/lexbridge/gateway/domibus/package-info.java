/**
 * Domibus 5.x as the connector's access point, through its default WS plugin: {@link
 * eu.lexbridge.gateway.domibus.DomibusGateway} submits (and answers PENDING: Domibus sends on its own and reports
 * later), {@link eu.lexbridge.gateway.domibus.PushedNotifications} is the endpoint Domibus pushes received messages and
 * send outcomes to, and {@link eu.lexbridge.gateway.domibus.PendingMessagePoller} fetches what a push missed. The
 * e-CODEX mapping of the ebMS header is the one of {@link eu.lexbridge.core.transport.EcodexWire}.
 */
package eu.lexbridge.gateway.domibus;
