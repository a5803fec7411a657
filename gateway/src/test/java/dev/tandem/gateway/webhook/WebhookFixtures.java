package dev.tandem.gateway.webhook;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.awaitility.Awaitility;

/** What the webhook tests share: publishing CloudEvents records, creating subscriptions, checking signatures. */
final class WebhookFixtures {

    static final String PRODUCT_TOPIC = "tandem.product.events";
    static final String PROJECT_TOPIC = "tandem.project.events";
    static final String GATEWAY_TOPIC = "tandem.gateway.events";

    private final String bootstrap;
    private final KafkaProducer<String, byte[]> producer;

    WebhookFixtures(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (String topic : List.of(PRODUCT_TOPIC, PROJECT_TOPIC, GATEWAY_TOPIC)) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(10, TimeUnit.SECONDS);
                } catch (Exception alreadyThere) {
                    // another test made it
                }
            }
        }
    }

    String bootstrap() {
        return bootstrap;
    }

    /** A published event: its CloudEvents id and the payload sent. */
    record Published(String id, String type, String subject, String data) {
    }

    /** Publishes one event as Tandem's services do (CloudEvents binary binding, key = subject). */
    Published publish(String topic, String type, String subject, int sequence, Instant time) throws Exception {
        String id = UUID.randomUUID().toString();
        String data = "{\"subject\":\"" + subject + "\",\"n\":" + sequence + "}";
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, subject,
                data.getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", id);
        headers.put("ce_source", "/tandem/product-service");
        headers.put("ce_type", type);
        headers.put("ce_subject", subject);
        headers.put("ce_time", time.toString());
        headers.put("ce_sequence", String.format("%019d", sequence));
        headers.put("content-type", "application/json");
        headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        producer.send(record).get(10, TimeUnit.SECONDS);
        return new Published(id, type, subject, data);
    }

    Published publish(String type, String subject, int sequence) throws Exception {
        return publish(PRODUCT_TOPIC, type, subject, sequence, Instant.now());
    }

    /** A created subscription: its id, secret and the ETag it was created with. */
    record Subscription(String id, String secret, String etag) {
    }

    static Subscription create(RequestSpecification as, String body) {
        var response = as.contentType("application/json").body(body).post(WebhookResource.PATH).then()
                .statusCode(201).extract();
        JsonPath json = response.jsonPath();
        return new Subscription(json.getString("id"), json.getString("secret"), response.header("ETag"));
    }

    static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    /**
     * Whether any {@code v1} signature of the header is HMAC-SHA256 of {@code id.timestamp.body} with the secret —
     * written from the Standard Webhooks specification, not with the gateway's code.
     */
    static boolean verifies(String secret, WebhookReceiver.Received r) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update((r.header("webhook-id") + "." + r.header("webhook-timestamp") + ".")
                .getBytes(StandardCharsets.UTF_8));
        byte[] expected = mac.doFinal(r.body());
        for (String signature : r.header("webhook-signature").split(" ")) {
            String[] parts = signature.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                return true;
            }
        }
        return false;
    }

    /** Polls until the supplier gives a value that is not null, or fails. */
    static <T> T eventually(Duration timeout, String what, Supplier<T> check) {
        return Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(check::get, Objects::nonNull);
    }

    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
