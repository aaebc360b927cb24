package eu.lexbridge.tools.demo;

/**
 * {@link SoapBackendsIT} with Domibus as both connectors' access point: each connector submits to its stand-in node's
 * WS plugin and is pushed what the partner sent (and pulls every 10 s); the back-ends, the routes and the evidences
 * are the same, and the tests check that each message went through the sender's node.
 */
@ItGateway.OnDomibus
class SoapBackendsOnDomibusIT extends SoapBackendsIT {
}
