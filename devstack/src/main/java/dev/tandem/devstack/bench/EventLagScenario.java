package dev.tandem.devstack.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.tandem.devstack.stack.Service;

/**
 * How long an event takes from one service to the next under a steady load: products are created through the
 * gateway at {@value BenchOptions#LAG_RATE}/s (wrk's {@code delay()} paces each thread), and for each the lag is
 * feedback-service's {@code inbox_event.processed_at} minus product-service's {@code outbox_event.occurred_at} of
 * the same dev.tandem.product.created.v1 event. Both are written on this machine's clock (the outbox time by
 * product-service in the create's transaction, the inbox time by PostgreSQL's {@code now()} in the consumer's), so
 * no clock skew enters; the lag covers the relay's poll, Kafka, and the consumer up to the start of its transaction.
 */
final class EventLagScenario {

    /**
     * Connections for the paced phase: enough that the rate holds while a request takes up to 100 ms (each
     * connection waits for its answer before its next request).
     */
    private static final int CONNECTIONS = BenchOptions.LAG_RATE / 10;

    private final BenchContext ctx;

    EventLagScenario(BenchContext ctx) {
        this.ctx = ctx;
    }

    ScenarioResult run() {
        int rate = BenchOptions.LAG_RATE;
        Duration phase = ctx.options.lagPhase();
        if (!ctx.options.warmup().isZero()) {
            ctx.say("event-lag: warming up at " + rate + " creates/s for " + ctx.options.warmup().toSeconds() + " s");
            ctx.wrk.run(paced(ctx.keyPrefix(), rate), ctx.options.warmup(), connections());
        }
        Await.until(ctx.options.settleTimeout(), () -> ctx.db.unsentEvents(Service.PRODUCT) == 0);
        String prefix = ctx.keyPrefix();
        ctx.say("event-lag: creating products at " + rate + "/s through the gateway for " + phase.toSeconds() + " s");
        LoadResult creates = ctx.wrk.run(paced(prefix, rate), phase, connections());

        ctx.say("event-lag: waiting until feedback-service processed every product.created event");
        Map<String, Instant> occurred = new LinkedHashMap<>();
        Map<String, Instant> processed = new LinkedHashMap<>();
        Optional<Duration> settled = Await.until(ctx.options.settleTimeout(), () -> {
            occurred.clear();
            occurred.putAll(ctx.db.productCreatedEvents(prefix));
            processed.clear();
            processed.putAll(ctx.db.processedByFeedback(occurred.keySet()));
            return processed.size() == occurred.size();
        });
        List<Double> lagsMs = new ArrayList<>();
        processed.forEach((id, at) -> lagsMs.add(Duration.between(occurred.get(id), at).toNanos() / 1e6));
        double p50 = Percentiles.of(lagsMs, 50);
        double p99 = Percentiles.of(lagsMs, 99);

        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("targetRate", rate);
        facts.put("achievedRate", Math.round(creates.throughput() * 10) / 10.0);
        facts.put("events", occurred.size());
        facts.put("delivered", processed.size());
        facts.put("p50LagMs", round(p50));
        facts.put("p99LagMs", round(p99));
        facts.put("maxLagMs", round(Percentiles.of(lagsMs, 100)));
        String note = String.format(Locale.ROOT,
                "%d creates/s asked, %.1f/s achieved; %d of %d product.created events reached feedback-service%s; "
                        + "lag p50 %.1f ms, p99 %.1f ms, max %.1f ms", rate, creates.throughput(), processed.size(),
                occurred.size(), settled.isPresent() ? "" : " within " + ctx.options.settleTimeout().toSeconds() + " s",
                p50, p99, Percentiles.of(lagsMs, 100));
        Row http = Row.of("event-lag", "creates", "gateway POST /api/v1/products at " + rate + "/s", creates);
        Row lag = new Row("event-lag.lag", "event-lag", "lag product-service outbox → feedback-service inbox",
                processed.size(), creates.seconds(), processed.size() / Math.max(creates.seconds(), 1e-9), "events/s",
                p50, p99, occurred.size() - processed.size(), Map.of(), Row.P99);
        return new ScenarioResult("event-lag", List.of(http, lag), facts, List.of(note));
    }

    private int connections() {
        return Math.max(CONNECTIONS, ctx.options.connections());
    }

    private WrkRunner.Job paced(String prefix, int rate) {
        return new WrkRunner.Job(ctx.url(Service.GATEWAY), List.of("create-product.lua", "paced.lua"),
                ctx.gatewayHeaders(true), Map.of("path", "/api/v1/products", "prefix", prefix,
                "rate", Integer.toString(rate), "threads", Integer.toString(ctx.wrk.threads())));
    }

    private static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }
}
