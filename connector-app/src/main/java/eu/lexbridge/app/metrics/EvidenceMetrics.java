package eu.lexbridge.app.metrics;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.MessageKind;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.port.MessageStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;

/**
 * Counts each evidence recorded, by type and origin ({@value #COUNTER}), and times it from its subject's submission
 * ({@value #LATENCY}: a business message this connector sent, so the sender sees how long its partners take to relay,
 * deliver and have it retrieved). Observed where every evidence is recorded, the {@link MessageStore}: a view of the
 * store that counts what {@code recordEvidence} recorded (a repeat that recorded nothing counts nothing) and passes
 * every call on unchanged. Each replica counts what it recorded; Prometheus sums them.
 */
final class EvidenceMetrics implements InvocationHandler {

    static final String COUNTER = "lexbridge.evidences";
    static final String LATENCY = "lexbridge.evidence.latency";

    private static final Method RECORD_EVIDENCE;

    static {
        try {
            RECORD_EVIDENCE = MessageStore.class.getMethod("recordEvidence", Evidence.class, ConnectorMessage.class,
                    MessageState.class, String.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MessageStore store;
    private final MeterRegistry registry;

    private EvidenceMetrics(MessageStore store, MeterRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    /** {@code store} seen through its evidence counts. */
    static MessageStore observe(MessageStore store, MeterRegistry registry) {
        return (MessageStore) Proxy.newProxyInstance(MessageStore.class.getClassLoader(),
                new Class<?>[] {MessageStore.class}, new EvidenceMetrics(store, registry));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == arguments[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "evidence-counted " + store;
            };
        }
        Object result;
        try {
            result = method.invoke(store, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (method.equals(RECORD_EVIDENCE) && Boolean.TRUE.equals(result)) {
            recorded((Evidence) arguments[0]);
        }
        return result;
    }

    private void recorded(Evidence evidence) {
        Counter.builder(COUNTER).description("evidences recorded, by type and origin (ISSUED or RECEIVED)")
                .tag("type", evidence.type().name()).tag("origin", evidence.origin().name())
                .register(registry).increment();
        store.find(evidence.subjectMessageId())
                .filter(subject -> subject.kind() == MessageKind.BUSINESS && subject.direction() == Direction.OUTBOUND)
                .ifPresent(subject -> Timer.builder(LATENCY)
                        .description("from the submission of a business message to each evidence about it")
                        .tag("type", evidence.type().name())
                        .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(10))
                        .maximumExpectedValue(Duration.ofDays(30)).register(registry)
                        .record(since(subject, evidence)));
    }

    private static Duration since(ConnectorMessage subject, Evidence evidence) {
        Duration taken = Duration.between(subject.createdAt(), evidence.at());
        return taken.isNegative() ? Duration.ZERO : taken; // clocks of two replicas may differ a little
    }
}
