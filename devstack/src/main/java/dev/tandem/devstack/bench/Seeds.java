package dev.tandem.devstack.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The data the scenarios need before the load, made through the gateway's public API (as an integrator would), and
 * waited for where another service must learn it from events first.
 */
final class Seeds {

    /** Products the read scenarios pick from. */
    static final int READ_PRODUCTS = 100;
    private static final Duration CATALOG_TIMEOUT = Duration.ofSeconds(60);

    private final BenchApi api;
    private final String keyPrefix;
    private int products;
    private int customers;
    private List<String> readProducts;

    Seeds(BenchApi api, BenchContext ctx) {
        this.api = api;
        this.keyPrefix = ctx.keyPrefix();
    }

    /** {@value #READ_PRODUCTS} products, made on first use: what GET by id and the list read. */
    List<String> readProducts() {
        if (readProducts == null) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < READ_PRODUCTS; i++) {
                ids.add(product());
            }
            readProducts = List.copyOf(ids);
        }
        return readProducts;
    }

    /** A new product (key: this run's seed prefix and a counter); returns its id. */
    String product() {
        int n = ++products;
        String key = keyPrefix + BenchContext.base36(n, 3);
        ObjectNode body = BenchApi.object().put("key", key).put("name", "Benchmark seed " + key);
        body.putArray("targetSegments").add("SMB");
        return api.post("/api/v1/products", body).path("id").asText();
    }

    /** A feature of {@code productId} with RICE inputs; returns its id. */
    String feature(String productId) {
        ObjectNode body = BenchApi.object().put("productId", productId).put("title", "Faster exports")
                .put("reach", 500).put("impact", 1).put("confidence", 80).put("effort", 2);
        return api.post("/api/v1/features", body).path("id").asText();
    }

    /** {@code count} customers with revenue (so linked feedback weighs in the demand); returns their ids. */
    List<String> customers(int count) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode body = BenchApi.object().put("externalCrmId", "bench-" + run + "-" + ++customers)
                    .put("name", "Benchmark customer " + customers).put("tier", "GROWTH").put("segment", "SMB");
            body.putObject("annualRevenue").put("amount", "50000.00").put("currency", "EUR");
            ids.add(api.post("/api/v1/customers", body).path("id").asText());
        }
        return ids;
    }

    /** Waits until feedback-service's catalog has the product (from product.created): feedback needs it there. */
    void awaitInCatalog(String productId) {
        api.await("/api/v1/catalog/products/" + productId, p -> productId.equals(p.path("id").asText()),
                CATALOG_TIMEOUT, "feedback-service's catalog to know product " + productId);
    }

    /** Waits until feedback-service's catalog has the feature (from feature.created): links need it there. */
    void awaitInCatalog(String productId, String featureId) {
        awaitInCatalog(productId);
        api.await("/api/v1/catalog/features/" + featureId, f -> featureId.equals(f.path("id").asText()),
                CATALOG_TIMEOUT, "feedback-service's catalog to know feature " + featureId);
    }

    /** The API client the seeds were made with (the gateway, with the benchmark's own key). */
    BenchApi api() {
        return api;
    }
}
