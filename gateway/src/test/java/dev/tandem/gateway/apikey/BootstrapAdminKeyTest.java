package dev.tandem.gateway.apikey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tandem.gateway.TestUpstreams;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The devstack's first-start admin key (the empty-store condition itself is one line in onStart). */
@QuarkusTest
@WithTestResource(TestUpstreams.class)
class BootstrapAdminKeyTest {

    @Inject
    ApiKeys apiKeys;

    @TempDir
    Path dir;

    @Test
    void theBootstrapKeyIsAnAdminKeyWrittenOwnerReadableOnly() throws Exception {
        Path file = dir.resolve("keys/admin-api-key");
        java.util.List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(BootstrapAdminKey.class.getName());
        logger.addHandler(capture);
        String secret;
        try {
            secret = BootstrapAdminKey.issueAndAnnounce(apiKeys, Optional.of(file), 8080);
        } finally {
            logger.removeHandler(capture);
        }
        assertTrue(logged.stream().anyMatch(l -> l.contains(file.toString())), "says where: " + logged);
        assertTrue(logged.stream().noneMatch(l -> l.contains(secret)), "never logs the secret: " + logged);
        assertEquals(secret, Files.readString(file).strip());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        given().header("Authorization", "Bearer " + secret).get("/api/v1/admin/api-keys?limit=200").then()
                .statusCode(200)
                .body("items.name", hasItem(BootstrapAdminKey.NAME));
    }
}
