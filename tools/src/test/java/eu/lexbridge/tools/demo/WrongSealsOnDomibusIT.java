package eu.lexbridge.tools.demo;

/** {@link WrongSealsIT} with Domibus as both connectors' access point (two stand-in nodes in the test's JVM). */
@ItGateway.OnDomibus
class WrongSealsOnDomibusIT extends WrongSealsIT {
}
