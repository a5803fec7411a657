package dev.tandem.gateway.webhook;

import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;

/**
 * A real HTTP receiver on 127.0.0.1 (the JDK's HTTP server, nothing of the gateway's): records every request and
 * answers each path as its {@link Behaviour} says for the n-th request to it (200 when none is set).
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    record Received(String path, Map<String, String> headers, byte[] body, Instant at) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** How to answer: a status after a delay, optionally with a Location (a redirect). */
    record Answer(int status, long delayMillis, String location) {
        static Answer status(int status) {
            return new Answer(status, 0, null);
        }

        static Answer slow(long delayMillis) {
            return new Answer(200, delayMillis, null);
        }
    }

    @FunctionalInterface
    interface Behaviour {
        /**
         * @param nth     1 for the first request to the path
         * @param request the request
         */
        Answer answer(int nth, Received request);
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    void on(String path, Behaviour behaviour) {
        behaviours.put(path, behaviour);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Received> received(String path) {
        List<Received> mine = new ArrayList<>();
        for (Received r : received) {
            if (r.path().equals(path)) {
                mine.add(r);
            }
        }
        return mine;
    }

    /** Waits until at least {@code count} requests reached the path. */
    List<Received> await(String path, int count, Duration timeout) {
        return Awaitility.await(count + " requests to " + path).atMost(timeout).pollInterval(Duration.ofMillis(20))
                .until(() -> received(path), hasSize(greaterThanOrEqualTo(count)));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            String path = exchange.getRequestURI().getPath();
            Received request = new Received(path, headers, body, Instant.now());
            received.add(request);
            int nth = counts.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            Answer answer = behaviours.getOrDefault(path, (n, r) -> Answer.status(200)).answer(nth, request);
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            if (answer.location() != null) {
                exchange.getResponseHeaders().add("Location", answer.location());
            }
            byte[] text = ("answer " + answer.status()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), text.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(text);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the gateway gave up on this request (its time limit): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
