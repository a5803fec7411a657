package dev.tandem.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    }

    private String upstreamOf(String path) {
        return table.match(path).orElseThrow(() -> new AssertionError("no route for " + path)).upstream();
    }
}
