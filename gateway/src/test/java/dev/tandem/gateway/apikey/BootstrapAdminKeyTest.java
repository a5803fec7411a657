package dev.tandem.gateway.apikey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
        String secret = BootstrapAdminKey.issueAndAnnounce(apiKeys, Optional.of(file), 8080);
        assertEquals(secret, Files.readString(file).strip());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        given().header("Authorization", "Bearer " + secret).get("/api/v1/admin/api-keys?limit=200").then()
                .statusCode(200)
                .body("items.name", hasItem(BootstrapAdminKey.NAME));
    }
}
