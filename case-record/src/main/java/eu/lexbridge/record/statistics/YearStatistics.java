package eu.lexbridge.record.statistics;

import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.core.port.TransmissionRecords;
import eu.lexbridge.record.content.ContentFacts;
import eu.lexbridge.record.deadline.ProcedureStep;
import eu.lexbridge.record.deadline.StepEvent;
import eu.lexbridge.record.timeline.ConversationSteps;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The statistics of Reg (EU) 2023/1543 Art 28(2)(a)–(g) for one calendar year (UTC), computed from the traffic: every
 * order this connector sent (an EPOC or EPOC-PR, as {@code lexbridge.case-record.steps} maps them) in the year, by data
 * category (the values of one element of the business content, Annex I Section F), addressee (the order's final
 * recipient) and emergency; what became of it from the later steps of its conversation (messages and recorded
 * transmissions); refusals by their ground. Points (h)–(j) happen outside the message flow and are entered by hand
 * ({@link ManualFigures}).
 */
public final class YearStatistics {

    static final int MAX_CONVERSATIONS = 100_000;
    private static final int MAX_MESSAGES = 10_000;
    private static final int MAX_CATEGORIES = 16;
    private static final String ALL = "all";
    private static final Set<ProcedureStep> NOT_FULFILLED = EnumSet.of(ProcedureStep.NON_EXECUTION,
            ProcedureStep.WITHDRAWAL, ProcedureStep.REFUSAL);

    private final MessageStore messages;
    private final TransmissionRecords records;
    private final ConversationSteps steps;
    private final PayloadStore payloads;
    private final String categoryElement;
    private final String refusalGroundElement;

    /**
     * @param categoryElement the element of an order's business content that names a category of data asked for
     * @param refusalGroundElement the element of a refusal's business content that names its ground (Art 12(1)(a)–(d))
     */
    public YearStatistics(MessageStore messages, TransmissionRecords records, ConversationSteps steps,
                          PayloadStore payloads, String categoryElement, String refusalGroundElement) {
        this.messages = messages;
        this.records = records;
        this.steps = steps;
        this.payloads = payloads;
        this.categoryElement = categoryElement;
        this.refusalGroundElement = refusalGroundElement;
    }

    /** An order sent, with its breakdown and what became of it. */
    private record Order(ProcedureStep form, Instant issued, List<String> categories, String addressee,
                         boolean emergency, boolean withoutValidation, Optional<StepEvent> outcome,
                         Optional<Instant> confirmation) {
        String emergencyText() {
            return emergency ? "yes" : "no";
        }

        boolean fulfilled() {
            return outcome.filter(o -> o.step() == ProcedureStep.DATA_PRODUCED).isPresent();
        }
    }

    public StatisticsReport of(int year, Instant now, ManualFigures manual) {
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant until = LocalDate.of(year + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<String> conversations = messages.activeConversations(from, until, MAX_CONVERSATIONS);
        List<Order> orders = new ArrayList<>();
        long notifications = 0;
        long refusals = 0;
        Map<List<String>, Long> refusedBy = new TreeMap<>(Comparator.comparing(Object::toString));
        Map<String, Long> enforcement = new TreeMap<>();
        for (String conversationId : conversations) {
            List<ConnectorMessage> conversation = messages.conversation(conversationId, MAX_MESSAGES);
            Map<String, ConnectorMessage> byId = conversation.stream().collect(Collectors.toMap(
                    m -> m.connectorMessageId().toString(), Function.identity()));
            List<StepEvent> events = steps.of(conversation, records.inConversation(conversationId)).stream()
                    .sorted(Comparator.comparing(StepEvent::at)).toList();
            for (int i = 0; i < events.size(); i++) {
                StepEvent event = events.get(i);
                ConnectorMessage message = byId.get(event.messageId());
                boolean inYear = message != null && !message.createdAt().isBefore(from)
                        && message.createdAt().isBefore(until);
                if (!inYear) {
                    continue;
                }
                boolean sent = message.direction() == Direction.OUTBOUND;
                List<StepEvent> later = events.subList(i + 1, events.size());
                switch (event.step()) {
                    case EPOC, EPOC_PR -> {
                        if (sent) {
                            orders.add(order(event, message, later, byId));
                        }
                    }
                    case EPOC_NOTIFICATION -> notifications += sent ? 1 : 0;
                    case REFUSAL -> {
                        if (!sent) {
                            refusals++;
                            refused(message, events.subList(0, i), byId, refusedBy);
                        }
                    }
                    case ENFORCEMENT_REQUEST -> {
                        String key = (sent ? "sent" : "received") + (later.stream()
                                .anyMatch(e -> e.step() == ProcedureStep.DATA_PRODUCED) ? ", fulfilled" : "");
                        enforcement.merge(key, 1L, Long::sum);
                        if (key.endsWith("fulfilled")) {
                            enforcement.merge(sent ? "sent" : "received", 1L, Long::sum);
                        }
                    }
                    default -> { }
                }
            }
        }
        List<Figure> figures = new ArrayList<>();
        issued(orders, figures);
        figures.add(Figure.count("b", "EPOC issued in an emergency without prior validation", ALL, ALL, "yes",
                orders.stream().filter(o -> o.form() == ProcedureStep.EPOC && o.withoutValidation()).count()));
        outcomes(orders, figures);
        figures.add(Figure.count("d", "notifications to enforcing authorities (Art 8)", ALL, ALL, ALL,
                notifications));
        figures.add(Figure.count("d", "EPOCs refused by an enforcing authority", ALL, ALL, ALL, refusals));
        refusedBy.forEach((k, count) -> figures.add(Figure.count("d", "EPOCs refused by an enforcing authority, "
                + "ground " + k.get(0), k.get(1), k.get(2), k.get(3), count)));
        averages(orders, figures);
        enforcement.forEach((key, count) -> figures.add(Figure.count("g", "EPO or EPrO for enforcement, " + key, ALL,
                ALL, ALL, count)));
        figures.addAll(manual.figures());
        return new StatisticsReport(year, now, conversations.size(), conversations.size() >= MAX_CONVERSATIONS,
                figures);
    }

    /**
     * (d) broken down as the regulation asks: by the ground the refusal gives, and by the data category, addressee and
     * emergency of the EPOC it refuses (the last one sent before it in the conversation).
     */
    private void refused(ConnectorMessage refusal, List<StepEvent> before, Map<String, ConnectorMessage> byId,
                         Map<List<String>, Long> counts) {
        List<String> grounds = values(refusal, refusalGroundElement);
        StepEvent epoc = null;
        for (StepEvent e : before) {
            ConnectorMessage m = byId.get(e.messageId());
            if (e.step() == ProcedureStep.EPOC && m != null && m.direction() == Direction.OUTBOUND) {
                epoc = e;
            }
        }
        ConnectorMessage order = epoc == null ? null : byId.get(epoc.messageId());
        List<String> categories = order == null ? List.of() : values(order, categoryElement);
        String addressee = order == null ? ALL : addressee(order);
        String emergency = epoc == null ? ALL : epoc.has(StepEvent.Flag.EMERGENCY) ? "yes" : "no";
        for (String ground : grounds.isEmpty() ? List.of("unspecified") : grounds) {
            for (String category : categories.isEmpty() ? List.of("unspecified") : categories) {
                counts.merge(List.of(ground, category, addressee, emergency), 1L, Long::sum);
            }
        }
    }

    /** The distinct values of {@code element} in the message's business content; none when it is not kept. */
    private List<String> values(ConnectorMessage message, String element) {
        return message.payload(PayloadKind.BUSINESS_CONTENT).map(content -> {
            try {
                return ContentFacts.values(payloads.open(content), element, MAX_CATEGORIES).stream()
                        .distinct().toList();
            } catch (RuntimeException e) {
                return List.<String>of(); // content no longer kept: counted as unspecified
            }
        }).orElse(List.of());
    }

    private static String addressee(ConnectorMessage order) {
        return order.finalRecipient() != null ? order.finalRecipient() : order.to().partyId();
    }

    private Order order(StepEvent event, ConnectorMessage message, List<StepEvent> later,
                        Map<String, ConnectorMessage> byId) {
        List<String> categories = values(message, categoryElement);
        Optional<StepEvent> outcome = later.stream().filter(e -> e.step() == ProcedureStep.DATA_PRODUCED
                || NOT_FULFILLED.contains(e.step())).findFirst();
        // (f) counts to the issue of the subsequent request: when we made it, not when the addressee received it
        Optional<Instant> confirmation = later.stream()
                .filter(e -> e.step() == ProcedureStep.PRODUCTION_REQUEST_CONFIRMATION).findFirst()
                .map(e -> byId.containsKey(e.messageId()) ? byId.get(e.messageId()).createdAt() : e.at());
        return new Order(event.step(), message.createdAt(), categories.isEmpty() ? List.of("unspecified")
                : categories, addressee(message), event.has(StepEvent.Flag.EMERGENCY),
                event.has(StepEvent.Flag.WITHOUT_PRIOR_VALIDATION), outcome, confirmation);
    }

    /** (a): each order once per category it asks for. */
    private static void issued(List<Order> orders, List<Figure> figures) {
        Map<List<String>, Long> counts = new TreeMap<>(Comparator.comparing(Object::toString));
        for (Order o : orders) {
            for (String category : o.categories()) {
                counts.merge(List.of(form(o) + " issued", category, o.addressee(), o.emergencyText()), 1L, Long::sum);
            }
        }
        counts.forEach((k, count) -> figures.add(Figure.count("a", k.get(0), k.get(1), k.get(2), k.get(3), count)));
    }

    /** (c): fulfilled, not fulfilled, and still open. */
    private static void outcomes(List<Order> orders, List<Figure> figures) {
        Map<List<String>, Long> counts = new TreeMap<>(Comparator.comparing(Object::toString));
        for (Order o : orders) {
            String state = o.fulfilled() ? "fulfilled" : o.outcome().isPresent() ? "not fulfilled" : "open";
            for (String category : o.categories()) {
                counts.merge(List.of(form(o) + " " + state, category, o.addressee(), o.emergencyText()), 1L,
                        Long::sum);
            }
        }
        counts.forEach((k, count) -> figures.add(Figure.count("c", k.get(0), k.get(1), k.get(2), k.get(3), count)));
    }

    /** (e) issue to data, for fulfilled EPOCs; (f) EPOC-PR to the subsequent request. */
    private static void averages(List<Order> orders, List<Figure> figures) {
        Map<List<String>, List<Duration>> toData = new TreeMap<>(Comparator.comparing(Object::toString));
        Map<List<String>, List<Duration>> toRequest = new TreeMap<>(Comparator.comparing(Object::toString));
        for (Order o : orders) {
            for (String category : o.categories()) {
                List<String> key = List.of(category, o.addressee(), o.emergencyText());
                if (o.form() == ProcedureStep.EPOC && o.fulfilled()) {
                    toData.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(Duration.between(o.issued(), o.outcome().orElseThrow().at()));
                }
                if (o.form() == ProcedureStep.EPOC_PR && o.confirmation().isPresent()) {
                    toRequest.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(Duration.between(o.issued(), o.confirmation().get()));
                }
            }
        }
        toData.forEach((k, times) -> figures.add(new Figure("e", "average time from EPOC to data", k.get(0),
                k.get(1), k.get(2), hours(times), "hours", null)));
        toRequest.forEach((k, times) -> figures.add(new Figure("f",
                "average time from EPOC-PR to the subsequent production request", k.get(0), k.get(1), k.get(2),
                hours(times), "hours", null)));
    }

    private static String form(Order order) {
        return order.form() == ProcedureStep.EPOC ? "EPOC" : "EPOC-PR";
    }

    private static double hours(List<Duration> times) {
        double average = times.stream().mapToLong(Duration::toSeconds).average().orElse(0) / 3600.0;
        return Math.round(average * 100) / 100.0;
    }
}
