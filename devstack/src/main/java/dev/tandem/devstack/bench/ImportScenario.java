package dev.tandem.devstack.bench;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.devstack.stack.Service;

/**
 * One bulk import of feedback through the gateway ({@code POST /api/v1/imports/feedback}, NDJSON, sent chunked as it
 * is generated), timed until the response and until its events are consumed: feedback-service's outbox is empty and
 * product-service knows every imported item (its feedback replica, kept from feedback.received). The import format
 * has no links, so the demand does not change; the feedback-link scenario covers that.
 */
final class ImportScenario {

    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

    private final BenchContext ctx;

    ImportScenario(BenchContext ctx) {
        this.ctx = ctx;
    }

    ScenarioResult run() {
        int rows = ctx.options.importRows();
        String product = ctx.seeds.product();
        List<String> customers = ctx.seeds.customers(10);
        ctx.seeds.awaitInCatalog(product);
        if (!ctx.options.warmup().isZero()) {
            warmUp(rows / 10, customers);
        }
        String reference = "bench-import-" + UUID.randomUUID().toString().substring(0, 8);

        ctx.say(String.format(Locale.ROOT, "import: sending %,d NDJSON rows", rows));
        long start = System.nanoTime();
        HttpResponse<String> response = send(rows, reference, product, customers);
        Duration answered = Duration.ofNanos(System.nanoTime() - start);
        JsonNode result = BenchApi.parse(response.body());
        UUID productId = UUID.fromString(product);
        boolean ok = response.statusCode() == 200;
        // Counted in the database, not taken from the answer, which a failed import (e.g. a gateway timeout) lacks.
        long storedWhenAnswered = ctx.db.feedbackItems(productId);

        ctx.say("import: waiting until its events are consumed");
        long[] stored = {0};
        long[] known = {0};
        Optional<Duration> consumed = Await.until(ctx.options.settleTimeout(), () -> {
            stored[0] = ctx.db.feedbackItems(productId);
            known[0] = ctx.db.feedbackReplicas(productId);
            return (!ok || stored[0] == result.path("created").asLong()) && known[0] == stored[0]
                    && ctx.db.unsentEvents(Service.FEEDBACK) == 0;
        }).map(d -> Duration.ofNanos(System.nanoTime() - start));

        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("rows", rows);
        facts.put("status", response.statusCode());
        facts.put("created", result.path("created").asLong());
        facts.put("rejected", result.path("rejected").asLong());
        facts.put("stored", stored[0]);
        facts.put("responseSeconds", Scenarios.seconds(answered));
        facts.put("eventsDelivered", ok && consumed.isPresent());
        facts.put("eventsConsumedSeconds", consumed.map(Scenarios::seconds).orElse(null));
        String note = String.format(Locale.ROOT, "%,d rows: answered %d after %s s (%,d stored, %,d rejected); ", rows,
                response.statusCode(), Scenarios.format(Scenarios.seconds(answered)), storedWhenAnswered,
                result.path("rejected").asLong())
                + consumed.map(d -> "their events consumed (feedback-service's outbox empty, product-service knows all "
                        + known[0] + " items) after " + Scenarios.format(Scenarios.seconds(d)) + " s in total")
                .orElse(String.format(Locale.ROOT, "after %d s %,d stored, %,d known to product-service",
                        ctx.options.settleTimeout().toSeconds(), stored[0], known[0]));
        if (!ok) {
            note += "; the answer: " + response.body();
        }
        double seconds = answered.toNanos() / 1e9;
        Row row = new Row("import.gateway", "import", String.format(Locale.ROOT,
                "gateway POST /api/v1/imports/feedback (%,d rows)", rows), rows, seconds, storedWhenAnswered / seconds,
                "rows/s", null, null, rows - stored[0], Map.of(Integer.toString(response.statusCode()), 1L),
                Row.THROUGHPUT);
        return new ScenarioResult("import", List.of(row), facts, List.of(note));
    }

    /**
     * An unmeasured import of {@code rows} rows for a product of its own, waited for until its events are consumed:
     * the import's code paths are compiled (C2) before the measured import, as the wrk scenarios' warm-up does for
     * theirs. Without it, JIT compilation took about two thirds of feedback-service's CPU during the measured import.
     */
    private void warmUp(int rows, List<String> customers) {
        String product = ctx.seeds.product();
        ctx.seeds.awaitInCatalog(product);
        ctx.say(String.format(Locale.ROOT, "import: warming up with %,d rows (not measured)", rows));
        HttpResponse<String> response = send(rows, "bench-warmup-" + UUID.randomUUID().toString().substring(0, 8),
                product, customers);
        if (response.statusCode() != 200) {
            throw new BenchException("import: the warm-up import answered " + response.statusCode() + ": "
                    + response.body());
        }
        UUID productId = UUID.fromString(product);
        Await.until(ctx.options.settleTimeout(), () -> ctx.db.feedbackReplicas(productId) == rows
                && ctx.db.unsentEvents(Service.FEEDBACK) == 0);
    }

    private HttpResponse<String> send(int rows, String reference, String product, List<String> customers) {
        HttpRequest request = ctx.seeds.api().request("/api/v1/imports/feedback").timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new NdjsonRows(rows, reference, product, customers)))
                .build();
        return ctx.seeds.api().send(request);
    }

    /** The NDJSON body, made row by row while it is sent: 100,000 rows are about 40 MB, never held whole. */
    static final class NdjsonRows extends InputStream {

        private static final List<String> SOURCES = List.of("SUPPORT", "SURVEY", "INTERVIEW", "SALES", "IN_APP",
                "SOCIAL", "OTHER");
        private static final List<String> TEXTS = List.of(
                "Exporting the monthly report takes minutes and times out for large accounts.",
                "We love the new dashboard, it saves our team an hour every week.",
                "Please add an export to CSV so finance can reconcile payouts.",
                "The mobile app logs us out every day, which is annoying.");

        private final int rows;
        private final String reference;
        private final String product;
        private final List<String> customers;
        private int next;
        private byte[] current = new byte[0];
        private int position;

        NdjsonRows(int rows, String reference, String product, List<String> customers) {
            this.rows = rows;
            this.reference = reference;
            this.product = product;
            this.customers = customers;
        }

        @Override
        public int read() {
            return fill() ? current[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int n = 0;
            while (n < length && fill()) {
                int chunk = Math.min(length - n, current.length - position);
                System.arraycopy(current, position, buffer, offset + n, chunk);
                position += chunk;
                n += chunk;
            }
            return n == 0 && length > 0 ? -1 : n;
        }

        private boolean fill() {
            if (position < current.length) {
                return true;
            }
            if (next >= rows) {
                return false;
            }
            current = row(next++).getBytes(StandardCharsets.UTF_8);
            position = 0;
            return true;
        }

        private String row(int i) {
            return "{\"source\":\"" + SOURCES.get(i % SOURCES.size()) + "\",\"externalReference\":\"" + reference + "-"
                    + i + "\",\"customerId\":\"" + customers.get(i % customers.size()) + "\",\"productId\":\""
                    + product + "\",\"title\":\"Imported feedback " + i + "\",\"text\":\"" + TEXTS.get(i % TEXTS.size())
                    + "\",\"tags\":[\"bench\",\"import\"]}\n";
        }
    }
}
