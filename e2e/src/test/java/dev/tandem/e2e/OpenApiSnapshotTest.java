package dev.tandem.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;

/**
 * The generated Java client ({@link GeneratedClientTest}) is built from {@code src/test/openapi/tandem-openapi.json};
 * this test keeps that snapshot equal to what the gateway serves, so the client is always generated from the real
 * contract. After an API change: {@code ./mvnw -pl e2e verify -Dtandem.openapi.update=true} rewrites the snapshot
 * (then commit it).
 */
class OpenApiSnapshotTest {

    static final Path SNAPSHOT = Path.of("src/test/openapi/tandem-openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void theClientIsGeneratedFromTheDocumentTheGatewayServes() throws Exception {
        JsonNode live = ContractChecksTest.mergedOpenApi();
        if (Boolean.getBoolean("tandem.openapi.update")) {
            Files.writeString(SNAPSHOT, JSON.writeValueAsString(live) + "\n");
        }
        JsonNode snapshot = JSON.readTree(SNAPSHOT.toFile());
        assertEquals(snapshot, live, "the merged OpenAPI changed: refresh " + SNAPSHOT.toAbsolutePath()
                + " with ./mvnw -pl e2e verify -Dtandem.openapi.update=true and commit it");
    }
}
