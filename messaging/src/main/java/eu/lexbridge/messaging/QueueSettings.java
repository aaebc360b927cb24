package eu.lexbridge.messaging;

import eu.lexbridge.core.port.Hop;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * The queues and their redelivery and dead-letter policy, stated once: applied to the embedded broker, and written as
 * {@code broker.xml} settings for an external one, so both behave the same.
 *
 * <p>A failed step rolls back its JMS transaction and the broker delivers it again after {@code firstRedeliveryDelay},
 * doubling up to {@code maxRedeliveryDelay}; after {@code maxDeliveryAttempts} it moves to {@code DLQ.<queue>}.
 *
 *
 * <p>The back-end hops ({@value #BACKEND_MATCH}: delivery and evidences to push back-ends) differ in two ways. A push
 * back-end may be down for hours, so they get many more attempts ({@code backendMaxDeliveryAttempts}) before the
 * dead-letter queue. And they are redelivered at once, without the broker's delay: Artemis schedules a message it
 * redelivers with a delay outside the queue, so the next message of the same group (conversation) is delivered to the
 * group's consumer meanwhile and overtakes it. Redelivered at once, a rolled-back message goes back to the head of its
 * queue and its group waits behind it; the back-end routes wait out the back-off themselves before they offer a
 * redelivered message again ({@code BackOff} in the routes).
 *
 * <p>The send hops ({@link #SEND_QUEUES}: business and evidence messages to the access point) are tried for as long
 * as the message's relay timeout lasts, which the route checks at each attempt; the broker only stops a send that
 * outlives {@link #SEND_SPAN} (a relay timeout switched off), and dead-letters it for an operator.
 *
 * @param maxDeliveryAttempts deliveries before the dead-letter queue; above the routes' own attempt limits, so a route
 *     gives up with its negative evidence before the broker gives up on the message
 * @param sendMaxDeliveryAttempts deliveries on the send hops before their dead-letter queue
 * @param backendMaxDeliveryAttempts deliveries on the back-end hops before their dead-letter queue
 */
public record QueueSettings(Duration firstRedeliveryDelay, Duration maxRedeliveryDelay, int maxDeliveryAttempts,
                            int sendMaxDeliveryAttempts, int backendMaxDeliveryAttempts) {

    /** Every queue of LexBridge starts with this, so one address-settings match covers them all. */
    public static final String ADDRESS_MATCH = "lexbridge.#";
    /** The back-end hops; the more specific match wins over {@link #ADDRESS_MATCH} for them. */
    public static final String BACKEND_MATCH = "lexbridge.backend.#";
    public static final String DEAD_LETTER_ADDRESS = "DLQ";
    public static final String DEAD_LETTER_QUEUE_PREFIX = "DLQ.";
    /** The hops that hand messages to the access point; each gets an address setting of its own. */
    public static final List<Hop> SEND_QUEUES = List.of(Hop.OUTBOUND_DISPATCH, Hop.EVIDENCE_OUTBOUND);
    /** The longest a send is kept going by the broker: the longest relay timeout a partner may have. */
    public static final Duration SEND_SPAN = Duration.ofDays(7);
    static final double REDELIVERY_MULTIPLIER = 2.0;

    public QueueSettings {
        Objects.requireNonNull(firstRedeliveryDelay, "firstRedeliveryDelay");
        Objects.requireNonNull(maxRedeliveryDelay, "maxRedeliveryDelay");
        if (maxDeliveryAttempts < 1 || sendMaxDeliveryAttempts < 1 || backendMaxDeliveryAttempts < 1) {
            throw new IllegalArgumentException("maxDeliveryAttempts, sendMaxDeliveryAttempts and "
                    + "backendMaxDeliveryAttempts must be positive");
        }
    }

    /**
     * How many deliveries the broker makes from the first up to the first one at or past {@code span} after it, the
     * delay starting at {@code first} and doubling up to {@code max}: the delivery attempts a send needs to be tried
     * for that long, the last of them finding its time up.
     */
    public static int deliveriesWithin(Duration span, Duration first, Duration max) {
        long deliveries = 1;
        Duration elapsed = Duration.ZERO;
        Duration delay = first.isZero() || first.isNegative() ? Duration.ofMillis(1) : first;
        while (elapsed.compareTo(span) < 0 && deliveries < Integer.MAX_VALUE) {
            elapsed = elapsed.plus(delay);
            deliveries++;
            Duration doubled = delay.multipliedBy(2);
            delay = doubled.compareTo(max) > 0 ? (max.compareTo(delay) > 0 ? max : delay) : doubled;
        }
        return (int) deliveries;
    }

    /** Adds the durable anycast queues and the address settings to an embedded broker's configuration. */
    public void applyTo(Configuration broker) {
        for (Hop hop : Hop.values()) {
            broker.addAddressConfiguration(new CoreAddressConfiguration().setName(hop.queue())
                    .addRoutingType(RoutingType.ANYCAST)
                    .addQueueConfiguration(QueueConfiguration.of(hop.queue())
                            .setRoutingType(RoutingType.ANYCAST).setDurable(true)));
        }
        // Spring Boot's embedded broker (and Artemis's own broker.xml) has an address DLQ already, whose one anycast
        // queue would keep a second copy of each dead letter that nobody reads: replaced by the one below
        broker.getAddressConfigurations().removeIf(address -> DEAD_LETTER_ADDRESS.equals(address.getName()));
        CoreAddressConfiguration deadLetters = new CoreAddressConfiguration().setName(DEAD_LETTER_ADDRESS)
                .addRoutingType(RoutingType.ANYCAST).addRoutingType(RoutingType.MULTICAST)
                .addQueueConfiguration(QueueConfiguration.of(DEAD_LETTER_ADDRESS).setAddress(DEAD_LETTER_ADDRESS)
                        .setRoutingType(RoutingType.ANYCAST).setFilterString(OTHERS_DEAD_LETTERS).setDurable(true));
        for (Hop hop : Hop.values()) {
            deadLetters.addQueueConfiguration(QueueConfiguration.of(deadLetterQueue(hop)).setAddress(
                    DEAD_LETTER_ADDRESS).setRoutingType(RoutingType.MULTICAST).setFilterString(deadLetterFilter(hop))
                    .setDurable(true));
        }
        broker.addAddressConfiguration(deadLetters);
        broker.addAddressSetting(ADDRESS_MATCH, addressSettings(firstRedeliveryDelay, maxRedeliveryDelay,
                maxDeliveryAttempts));
        broker.addAddressSetting(BACKEND_MATCH, addressSettings(Duration.ZERO, Duration.ZERO,
                backendMaxDeliveryAttempts));
        for (Hop send : SEND_QUEUES) {
            broker.addAddressSetting(send.queue(), addressSettings(firstRedeliveryDelay, maxRedeliveryDelay,
                    sendMaxDeliveryAttempts));
        }
    }

    /**
     * The dead letters of addresses that are not LexBridge's, in the queue {@value #DEAD_LETTER_ADDRESS} as Artemis and
     * Spring Boot configure it; LexBridge's go to the queue of their hop (or of their back-end queue) only.
     */
    static final String OTHERS_DEAD_LETTERS = "NOT (_AMQ_ORIG_ADDRESS LIKE 'lexbridge.%')";

    /** The hop's dead-letter queue, on {@value #DEAD_LETTER_ADDRESS}. */
    public static String deadLetterQueue(Hop hop) {
        return DEAD_LETTER_QUEUE_PREFIX + hop.queue();
    }

    /**
     * The filter Artemis gives a dead-letter queue it creates itself. The queues are created up front, with the same
     * filter, so that reading an empty one (the console, the gauges) never makes the broker create it without one.
     */
    private static String deadLetterFilter(Hop hop) {
        return "_AMQ_ORIG_ADDRESS = '" + hop.queue() + "'";
    }

    private static AddressSettings addressSettings(Duration first, Duration max, int attempts) {
        return new AddressSettings()
                .setRedeliveryDelay(first.toMillis())
                .setRedeliveryMultiplier(REDELIVERY_MULTIPLIER)
                .setMaxRedeliveryDelay(max.toMillis())
                .setMaxDeliveryAttempts(attempts)
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_ADDRESS))
                .setAutoCreateDeadLetterResources(true)
                .setDeadLetterQueuePrefix(SimpleString.of(DEAD_LETTER_QUEUE_PREFIX));
    }

    /**
     * The same settings as the {@code <addresses>} and {@code <address-settings>} elements of an external broker's
     * {@code broker.xml} (Artemis configuration schema), to paste inside {@code <core>}.
     */
    public String brokerXml() {
        StringBuilder xml = new StringBuilder();
        xml.append("<addresses>\n");
        for (Hop hop : Hop.values()) {
            xml.append("  <address name=\"").append(hop.queue()).append("\">\n")
                    .append("    <anycast>\n")
                    .append("      <queue name=\"").append(hop.queue()).append("\"><durable>true</durable></queue>\n")
                    .append("    </anycast>\n")
                    .append("  </address>\n");
        }
        xml.append("  <address name=\"").append(DEAD_LETTER_ADDRESS).append("\">\n")
                .append("    <anycast>\n")
                .append("      <queue name=\"").append(DEAD_LETTER_ADDRESS).append("\"><filter string=\"")
                .append(OTHERS_DEAD_LETTERS.replace("'", "&apos;")).append("\"/><durable>true</durable></queue>\n")
                .append("    </anycast>\n")
                .append("    <multicast>\n");
        for (Hop hop : Hop.values()) {
            xml.append("      <queue name=\"").append(deadLetterQueue(hop)).append("\"><filter string=\"")
                    .append(deadLetterFilter(hop).replace("'", "&apos;")).append("\"/><durable>true</durable></queue>\n");
        }
        xml.append("    </multicast>\n")
                .append("  </address>\n");
        xml.append("</addresses>\n");
        xml.append("<address-settings>\n");
        addressSettingXml(xml, ADDRESS_MATCH, firstRedeliveryDelay, maxRedeliveryDelay, maxDeliveryAttempts);
        addressSettingXml(xml, BACKEND_MATCH, Duration.ZERO, Duration.ZERO, backendMaxDeliveryAttempts);
        for (Hop send : SEND_QUEUES) {
            addressSettingXml(xml, send.queue(), firstRedeliveryDelay, maxRedeliveryDelay, sendMaxDeliveryAttempts);
        }
        xml.append("</address-settings>\n");
        return xml.toString();
    }

    private static void addressSettingXml(StringBuilder xml, String match, Duration first, Duration max,
                                          int attempts) {
        xml.append("  <address-setting match=\"").append(match).append("\">\n")
                .append("    <dead-letter-address>").append(DEAD_LETTER_ADDRESS).append("</dead-letter-address>\n")
                .append("    <auto-create-dead-letter-resources>true</auto-create-dead-letter-resources>\n")
                .append("    <dead-letter-queue-prefix>").append(DEAD_LETTER_QUEUE_PREFIX)
                .append("</dead-letter-queue-prefix>\n")
                .append("    <redelivery-delay>").append(first.toMillis()).append("</redelivery-delay>\n")
                .append("    <redelivery-delay-multiplier>").append(REDELIVERY_MULTIPLIER)
                .append("</redelivery-delay-multiplier>\n")
                .append("    <max-redelivery-delay>").append(max.toMillis())
                .append("</max-redelivery-delay>\n")
                .append("    <max-delivery-attempts>").append(attempts).append("</max-delivery-attempts>\n")
                .append("  </address-setting>\n");
    }
}
