package eu.lexbridge.core.port;

import eu.lexbridge.core.message.ConnectorMessage;
import java.util.Optional;

/**
 * Which parts of a message may go to its recipient: some parts are for one kind of recipient only (Section M of the
 * EPOC is for the enforcing authority and never reaches a service provider, Reg (EU) 2023/1543 Art 9(2)). Asked before
 * a submission is taken, with its payloads stored and not yet sent.
 */
@FunctionalInterface
public interface DisclosurePolicy {

    /** Every part may go anywhere: a connector whose services carry no restricted part. */
    DisclosurePolicy NONE = message -> Optional.empty();

    /** @return why the message may not go to its recipient as it is, in a sentence; empty when it may */
    Optional<String> refusal(ConnectorMessage message);
}
