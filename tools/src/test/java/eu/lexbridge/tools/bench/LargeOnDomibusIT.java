package eu.lexbridge.tools.bench;

import eu.lexbridge.tools.demo.ItGateway;

/**
 * {@link LargeIT} with Domibus as both connectors' access point: the 320 MiB payload goes from the sending connector to
 * its stand-in node's WS plugin, across to the receiving node, and is pushed to the receiving connector, each of
 * -Xmx256m; the stand-in nodes run in the test's JVM.
 */
@ItGateway.OnDomibus
class LargeOnDomibusIT extends LargeIT {
}
