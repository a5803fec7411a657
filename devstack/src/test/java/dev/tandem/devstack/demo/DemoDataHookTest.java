package dev.tandem.devstack.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tandem.devstack.stack.Service;
import dev.tandem.devstack.stack.Stack;
import dev.tandem.devstack.stack.StackEndpoints;
import dev.tandem.devstack.stack.StackException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hook's decisions and the client's retries, against a small stand-in for the gateway (JDK HTTP server). */
class DemoDataHookTest {

    @TempDir
    Path dataDir;

    private HttpServer server;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> printed = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void switchedOffItSaysSoAndCallsNothing() {
        new DemoData(Map.of("TANDEM_DEMO", "false"), printed::add).afterReady(endpoints(1));
        assertEquals(List.of("demo data skipped (TANDEM_DEMO=false)"), printed);
    }

    @Test
    void withoutTheAdminKeyFileTheDevstackStopsWithAWayOut() {
        StackException e = assertThrows(StackException.class,
                () -> new DemoData(Map.of(), printed::add).afterReady(endpoints(1)));
        assertTrue(e.getMessage().contains("no admin API key in " + Stack.adminKeyFile(dataDir)), e.getMessage());
        assertTrue(e.getMessage().contains("TANDEM_DEMO=false"), e.getMessage());
    }

    @Test
    void whenProductChkExistsNothingIsLoaded() throws Exception {
        start(exchange -> {
            assertEquals("Bearer admin-secret", exchange.getRequestHeaders().getFirst("Authorization"));
            reply(exchange, 200, "{\"items\":[{\"id\":\"1\",\"key\":\"CHK\"}]}", null);
        });
        Files.createDirectories(Stack.adminKeyFile(dataDir).getParent());
        Files.writeString(Stack.adminKeyFile(dataDir), "admin-secret\n");

        new DemoData(Map.of(), printed::add).afterReady(endpoints(server.getAddress().getPort()));

        assertEquals(List.of("GET /api/v1/products?limit=200&q=CHK"), requests);
        assertEquals(1, printed.size());
        assertTrue(printed.get(0).startsWith("demo data already loaded (product CHK exists)"), printed.get(0));
    }

    @Test
    void aRateLimitedRequestIsRetriedAfterRetryAfter() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        start(exchange -> {
            if (calls.incrementAndGet() == 1) {
                exchange.getResponseHeaders().add("Retry-After", "0");
                reply(exchange, 429, "{\"title\":\"Too many requests\"}", null);
            } else {
                reply(exchange, 201, "{\"id\":\"42\"}", "\"0\"");
            }
        });
        DemoApi api = new DemoApi(url(), "k");
        DemoApi.Answer a = api.post("/api/v1/customers", DemoApi.object().put("name", "x"));
        assertEquals(201, a.status());
        assertEquals("42", a.id());
        assertEquals(2, calls.get());
    }

    @Test
    void aStaleETagIsReadAgainAndTheChangeRetried() throws Exception {
        List<String> ifMatch = Collections.synchronizedList(new ArrayList<>());
        start(exchange -> {
            String method = exchange.getRequestMethod();
            if (method.equals("GET")) {
                reply(exchange, 200, "{\"id\":\"f\",\"version\":3}", "\"3\"");
                return;
            }
            String sent = exchange.getRequestHeaders().getFirst("If-Match");
            ifMatch.add(sent);
            if ("\"3\"".equals(sent)) {
                reply(exchange, 200, "{\"id\":\"f\",\"status\":\"CANDIDATE\"}", "\"4\"");
            } else {
                reply(exchange, 412, "{\"detail\":\"stale\"}", null);
            }
        });
        DemoApi api = new DemoApi(url(), "k");
        DemoApi.Answer a = api.change("POST", "/api/v1/features/f", "/api/v1/features/f/status",
                DemoApi.object().put("status", "CANDIDATE"), "\"1\"");
        assertEquals("\"4\"", a.etag());
        assertEquals(List.of("\"1\"", "\"3\""), ifMatch);
        assertEquals(List.of("POST /api/v1/features/f/status", "GET /api/v1/features/f",
                "POST /api/v1/features/f/status"), requests);
    }

    @Test
    void aRefusedRequestEndsTheLoadNamingTheRequestAndTheProblem() throws Exception {
        start(exchange -> reply(exchange, 422, "{\"title\":\"Unprocessable\",\"detail\":\"customer 7 does not exist\"}",
                null));
        DemoApi api = new DemoApi(url(), "k");
        DemoException e = assertThrows(DemoException.class,
                () -> api.post("/api/v1/nps/surveys/s/responses", DemoApi.object()));
        assertEquals("POST /api/v1/nps/surveys/s/responses answered 422: customer 7 does not exist", e.getMessage());
    }

    @Test
    void listsFollowTheCursorToTheLastPage() throws Exception {
        start(exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            if (query.contains("cursor=")) {
                reply(exchange, 200, "{\"items\":[{\"id\":\"b\"}]}", null);
            } else {
                reply(exchange, 200, "{\"items\":[{\"id\":\"a\"}],\"nextCursor\":\"c1\"}", null);
            }
        });
        List<String> ids = new DemoApi(url(), "k").list("/api/v1/feedback?productId=p").stream()
                .map(n -> n.path("id").asText()).toList();
        assertEquals(List.of("a", "b"), ids);
        assertEquals("GET /api/v1/feedback?productId=p&limit=200&cursor=c1", requests.get(1));
        assertFalse(requests.get(0).contains("cursor"));
    }

    // ---------------------------------------------------------------- helpers

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private void start(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.getRequestBody().readAllBytes();
            handler.handle(exchange);
        });
        server.start();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void reply(HttpExchange exchange, int status, String body, String etag) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (etag != null) {
            exchange.getResponseHeaders().add("ETag", etag);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private StackEndpoints endpoints(int gatewayPort) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        Map<Service, String> jdbc = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, s == Service.GATEWAY ? gatewayPort : 1);
            jdbc.put(s, "jdbc:postgresql://127.0.0.1:1/" + s.name().toLowerCase());
        }
        return new StackEndpoints(ports, jdbc, "127.0.0.1:1", 1, 1, "postgres", "", dataDir);
    }
}
