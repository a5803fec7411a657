package dev.tandem.platform.telemetry;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;

/**
 * Spans are exported only when a collector is named: {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT} (or
 * {@code QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}) set to anything but Quarkus' default,
 * {@code http://localhost:4317/}. Without one, spans are still made (the trace id reaches the logs, outbox rows and
 * events), and then dropped here.
 *
 * <p>Why this bean: Quarkus' choice of exporter ({@code quarkus.otel.traces.exporter}) is fixed at build time, and
 * its OTLP exporter never takes "no endpoint" for an answer (it falls back to localhost:4317 and logs a failed export
 * every few seconds where no collector runs; quarkusio/quarkus#44200). But it steps aside when the application has a
 * {@link SpanExporter} bean of its own. This is one, visible only while no endpoint is configured
 * ({@link LookupIfProperty}, evaluated at run time): so one built jar exports or not depending on its environment.
 * See docs/observability.md.
 */
@ApplicationScoped
public class TraceExport {

    /** Quarkus' default OTLP endpoint: configured by nobody, so it names no collector. */
    public static final String DEFAULT_ENDPOINT = "http://localhost:4317/";

    @Produces
    @Singleton
    @LookupIfProperty(name = "quarkus.otel.exporter.otlp.endpoint", stringValue = DEFAULT_ENDPOINT,
            lookupIfMissing = true)
    @LookupIfProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint", stringValue = DEFAULT_ENDPOINT,
            lookupIfMissing = true)
    SpanExporter withoutCollector() {
        return new Discarding();
    }

    /** Takes every span and keeps none. */
    static final class Discarding implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public String toString() {
            return "no collector configured: spans are not exported";
        }
    }
}
