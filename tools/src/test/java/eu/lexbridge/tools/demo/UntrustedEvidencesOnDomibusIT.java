package eu.lexbridge.tools.demo;

/** {@link UntrustedEvidencesIT} with Domibus as both connectors' access point (two stand-in nodes in the test's JVM). */
@ItGateway.OnDomibus
class UntrustedEvidencesOnDomibusIT extends UntrustedEvidencesIT {
}
