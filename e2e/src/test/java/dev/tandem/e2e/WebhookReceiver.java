package dev.tandem.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A webhook receiver as an integrator would run one: a plain HTTP server on 127.0.0.1 that records every call and
 * answers 204. {@link Call#verifies} checks the signature the way the Standard Webhooks specification says, written
 * from the specification: HMAC-SHA256 keyed with the base64 part of {@code whsec_…} over
 * {@code <webhook-id>.<webhook-timestamp>.<body>}, compared with each {@code v1,<base64>} of {@code webhook-signature}.
 */
final class WebhookReceiver implements AutoCloseable {

    record Call(String id, String timestamp, String signature, String contentType, byte[] body) {

        JsonNode json() {
            try {
                return GatewayClient.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("a webhook body that is not JSON: " + new String(body, StandardCharsets.UTF_8));
            }
        }

        boolean verifies(String secret) {
            try {
                byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
                byte[] expected = mac.doFinal(body);
                for (String part : signature.split(" ")) {
                    if (part.startsWith("v1,") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(part.substring(3)))) {
                        return Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) < 300;
                    }
                }
                return false;
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return "webhook-id " + id + ", webhook-timestamp " + timestamp + ", " + contentType + ": "
                    + new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/hooks", exchange -> {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                var h = exchange.getRequestHeaders();
                synchronized (receiver.calls) {
                    receiver.calls.add(new Call(h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"),
                            h.getFirst("webhook-signature"), h.getFirst("Content-Type"), body));
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new AssertionError("could not start a webhook receiver", e);
        }
    }

    /** {@code http://127.0.0.1:<port>/hooks}: the gateway's devstack settings allow plain http to 127.0.0.1. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** Waits until {@code count} distinct webhook ids were received; answers the first call of each. */
    List<Call> await(int count, Duration within) {
        try {
            return Awaitility.await(count + " webhook calls").atMost(within).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50)).until(this::firstOfEach, distinct -> distinct.size() >= count);
        } catch (ConditionTimeoutException e) {
            synchronized (calls) {
                throw new AssertionError("waited " + within.toSeconds() + " s for " + count + " webhook calls; got "
                        + calls, e);
            }
        }
    }

    /** The first call of each webhook id received so far. */
    private List<Call> firstOfEach() {
        synchronized (calls) {
            List<Call> distinct = new ArrayList<>();
            for (Call c : calls) {
                if (distinct.stream().noneMatch(d -> d.id().equals(c.id()))) {
                    distinct.add(c);
                }
            }
            return distinct;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
