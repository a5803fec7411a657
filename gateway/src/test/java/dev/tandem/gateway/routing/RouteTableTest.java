package dev.tandem.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final RouteTable table = new RouteTable(List.of(
            new Route("/api/v1/products", "product"),
            new Route("/api/v1/products/special/", "feedback"),
            new Route("/api/v1/tasks", "project")), Set.of("product", "feedback", "project"));

    @Test
    void longestPrefixWins() {
        assertEquals("product", upstreamOf("/api/v1/products"));
        assertEquals("product", upstreamOf("/api/v1/products/1"));
        assertEquals("feedback", upstreamOf("/api/v1/products/special"));
        assertEquals("feedback", upstreamOf("/api/v1/products/special/1/x"));
        assertEquals("project", upstreamOf("/api/v1/tasks/"));
    }

    @Test
    void prefixMatchesOnlyAtASegmentBoundary() {
        assertEquals("product", upstreamOf("/api/v1/products/specialist"));
        assertTrue(table.match("/api/v1/productsX").isEmpty());
        assertTrue(table.match("/api/v1/task").isEmpty());
        assertTrue(table.match("/api/v1").isEmpty());
        assertTrue(table.match("/").isEmpty());
        assertTrue(table.match(null).isEmpty());
    }

    @Test
    void aNamedSegmentMatchesAnyOneSegmentAndTheMoreSpecificRouteWins() {
        RouteTable withTemplate = new RouteTable(List.of(
                new Route("/api/v1/products", "product"),
                new Route("/api/v1/products/{id}/overview", "gateway", Duration.ofSeconds(3)),
                new Route("/api/v1/products/special", "feedback")), Set.of("product", "feedback", "gateway"));
        assertEquals("gateway", withTemplate.match("/api/v1/products/42/overview").orElseThrow().upstream());
        assertEquals("gateway", withTemplate.match("/api/v1/products/42/overview/x").orElseThrow().upstream());
        assertEquals("product", withTemplate.match("/api/v1/products/42/overviews").orElseThrow().upstream());
        assertEquals("product", withTemplate.match("/api/v1/products/42").orElseThrow().upstream());
        assertEquals("product", withTemplate.match("/api/v1/products//overview").orElseThrow().upstream());
        assertEquals("feedback", withTemplate.match("/api/v1/products/special").orElseThrow().upstream());
        // an OpenAPI path template is a path like any other
        assertEquals("gateway", withTemplate.match("/api/v1/products/{id}/overview").orElseThrow().upstream());
    }

    @Test
    void aRouteMayCarryItsOwnTimeoutElseItUsesItsUpstreams() {
        Route imports = new Route("/api/v1/feedback/imports", "feedback", Duration.ofMinutes(2));
        assertEquals(Duration.ofMinutes(2), imports.timeoutOr(Duration.ofSeconds(10)));
        assertEquals(Duration.ofSeconds(10), new Route("/api/v1/feedback", "feedback").timeoutOr(Duration.ofSeconds(10)));
        assertThrows(IllegalArgumentException.class, () -> new Route("/a", "x", Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new Route("/a", "x", Duration.ofSeconds(-1)));
    }

    @Test
    void trailingSlashOfAPrefixIsIgnored() {
        assertEquals("/api/v1/products/special", new Route("/api/v1/products/special/", "x").prefix());
    }

    @Test
    void badTablesAreRefusedAtStartup() {
        assertThrows(IllegalArgumentException.class, () -> new RouteTable(
                List.of(new Route("/a", "x"), new Route("/a/", "x")), Set.of("x")));
        assertThrows(IllegalArgumentException.class, () -> new RouteTable(
                List.of(new Route("/a", "nope")), Set.of("x")));
        assertThrows(IllegalArgumentException.class, () -> new Route("api/v1", "x"));
        assertThrows(IllegalArgumentException.class, () -> new Route("/api/v1", " "));
        // the same shape twice, whatever the segment's name
        assertThrows(IllegalArgumentException.class, () -> new RouteTable(
                List.of(new Route("/a/{id}/b", "x"), new Route("/a/{key}/b", "x")), Set.of("x")));
        assertThrows(IllegalArgumentException.class, () -> new Route("/a/x{id}", "x"));
        assertThrows(IllegalArgumentException.class, () -> new Route("/a/*", "x"));
    }

    private String upstreamOf(String path) {
        return table.match(path).orElseThrow(() -> new AssertionError("no route for " + path)).upstream();
    }
}
