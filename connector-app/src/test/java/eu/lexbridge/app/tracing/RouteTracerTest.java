package eu.lexbridge.app.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.port.MessageStore;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.UUID;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Camel's OpenTelemetry support as LexBridge sets it up, on a Camel context of its own with in-memory spans. */
class RouteTracerTest {

    private static final String SECRET = "text-from-outside-4711";

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final MessageStore noMessage = new eu.lexbridge.core.testkit.InMemoryMessageStore();

    @BeforeEach
    void start() throws Exception {
        camel.getRegistry().bind("tracer", Tracer.class, provider.get("test"));
        camel.getRegistry().bind("propagators", ContextPropagators.class,
                ContextPropagators.create(W3CTraceContextPropagator.getInstance()));
        RouteTracer tracer = new RouteTracer(() -> noMessage);
        tracer.setExcludePatterns(TracingAutoConfiguration.UNTRACED_ENDPOINTS);
        tracer.init(camel);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:works").routeId("a-route").to("direct:fails");
                from("direct:fails").routeId("b-route").process(e -> {
                    throw new IllegalStateException("could not read " + SECRET);
                });
                from("timer:tick?period=10").routeId("a-timer").log("tick");
            }
        });
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
        provider.close();
    }

    @Test
    void eachRouteSpanIsNamedAfterItsRouteAndCarriesTheQueuedIdButNoFailureText() throws Exception {
        String id = UUID.randomUUID().toString();
        assertThatThrownBy(() -> camel.createProducerTemplate().sendBody("direct:works", id))
                .isInstanceOf(CamelExecutionException.class).hasRootCauseMessage("could not read " + SECRET);
        Thread.sleep(100); // a timer tick or more

        assertThat(spans.getFinishedSpanItems()).extracting(SpanData::getName)
                .contains("a-route", "b-route").doesNotContain("a-timer");
        SpanData route = spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals("a-route"))
                .findFirst().orElseThrow();
        // not a stored message: an evidence's id on the evidence hops, say
        assertThat(route.getAttributes().get(AttributeKey.stringKey(SpanAttributes.QUEUED_ID))).isEqualTo(id);
        assertThat(spans.getFinishedSpanItems()).allSatisfy(span -> {
            assertThat(span.getTraceId()).isEqualTo(route.getTraceId());
            assertThat(span.getEvents()).allSatisfy(event -> assertThat(event.getAttributes().asMap().values())
                    .allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(SECRET)));
        });
        assertThat(spans.getFinishedSpanItems()).anySatisfy(span -> assertThat(span.getEvents())
                .anySatisfy(event -> assertThat(event.getAttributes().get(AttributeKey.stringKey("message")))
                        .isEqualTo(IllegalStateException.class.getName())));
    }
}
