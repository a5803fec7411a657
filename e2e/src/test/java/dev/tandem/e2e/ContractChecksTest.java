package dev.tandem.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.events.EventType;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Tandem's published contracts checked by tools that did not write them: the merged OpenAPI (as the gateway serves
 * it) by Spectral's {@code spectral:oas} ruleset, the AsyncAPI document by the AsyncAPI CLI, and the event types the
 * services' code emits against the ones the AsyncAPI document declares.
 */
class ContractChecksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ASYNCAPI = ContractTools.REPO_ROOT
            .resolve("events/src/main/resources/dev/tandem/events/asyncapi.yaml");
    private static final List<String> SERVICES = List.of("product-service", "project-service", "feedback-service", "gateway");

    @Test
    void theMergedOpenApiPassesSpectralWithNoErrorsAndNoWarnings() throws Exception {
        JsonNode merged = mergedOpenApi();
        Path file = Path.of("target", "tandem-openapi.json").toAbsolutePath();
        Files.createDirectories(file.getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), merged);

        ContractTools.Result result = ContractTools.run("spectral", List.of("lint", "--ruleset",
                ContractTools.TOOLS.resolve(".spectral.yaml").toString(), "--format", "json", "--quiet",
                "--fail-severity", "hint", file.toString()));
        String output = result.output().trim();
        JsonNode findings = JSON.readTree(output.isEmpty() ? "[]" : output.substring(output.indexOf('[')));
        List<String> problems = new ArrayList<>();
        for (JsonNode f : findings) {
            int severity = f.path("severity").asInt(); // 0 error, 1 warning, 2 info, 3 hint
            if (severity <= 1) {
                problems.add((severity == 0 ? "error " : "warning ") + f.path("code").asText() + " at "
                        + pathOf(f.path("path")) + ": " + f.path("message").asText());
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " Spectral findings in " + file + ":\n"
                + String.join("\n", problems));
        assertTrue(merged.path("paths").size() > 20, "the merged document has every service's paths");
    }

    @Test
    void theAsyncApiDocumentIsValidForTheAsyncApiCli() throws Exception {
        ContractTools.Result result = ContractTools.run("asyncapi", List.of("validate", ASYNCAPI.toString(),
                "--fail-severity=warn", "--diagnostics-format=text"));
        assertEquals(0, result.exitCode(), "asyncapi validate " + ASYNCAPI + ":\n" + result.output());
    }

    /**
     * Every event type the services' code publishes is declared in the AsyncAPI document, and every type the
     * document declares is published by some service: read from the code, not kept by hand.
     */
    @Test
    void theAsyncApiDocumentCoversExactlyTheEventTypesTheServicesEmit() throws IOException {
        Set<String> emitted = new TreeSet<>();
        Pattern constant = Pattern.compile("EventType\\.([A-Z][A-Z0-9_]+)");
        for (String service : SERVICES) {
            try (Stream<Path> files = Files.walk(ContractTools.REPO_ROOT.resolve(service).resolve("src/main/java"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = constant.matcher(Files.readString(f, StandardCharsets.UTF_8));
                    while (m.find()) {
                        emitted.add(m.group(1));
                    }
                }
            }
        }
        Set<String> declared = Arrays.stream(EventType.values()).map(Enum::name)
                .collect(Collectors.toCollection(TreeSet::new));
        emitted.retainAll(declared); // EventType.of / valueOf and the like are not constants
        Set<String> neverEmitted = new TreeSet<>(declared);
        neverEmitted.removeAll(emitted);
        assertTrue(neverEmitted.isEmpty(), "declared in the contract but published by no service: " + neverEmitted);

        String asyncApi = Files.readString(ASYNCAPI, StandardCharsets.UTF_8);
        List<String> missing = emitted.stream().map(EventType::valueOf)
                .filter(t -> !asyncApi.contains(t.type()))
                .map(EventType::type).toList();
        assertTrue(missing.isEmpty(), "published but missing from asyncapi.yaml: " + missing);
    }

    /** The gateway's merged document once every upstream is in it. */
    static JsonNode mergedOpenApi() throws IOException, InterruptedException {
        String gateway = SystemUnderTest.endpoints().gatewayUrl();
        AtomicReference<JsonNode> doc = new AtomicReference<>();
        try {
            return await("every upstream in the merged OpenAPI").atMost(Duration.ofSeconds(60))
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        doc.set(JSON.readTree(given().baseUri(gateway).get("/openapi").then().statusCode(200).extract()
                                .asString()));
                        return doc.get();
                    }, d -> d.path("x-tandem-missing-upstreams").isEmpty());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the merged OpenAPI still misses upstreams: "
                    + doc.get().path("x-tandem-missing-upstreams"), e);
        }
    }

    private static String pathOf(JsonNode path) {
        List<String> parts = new ArrayList<>();
        path.forEach(p -> parts.add(p.asText()));
        return String.join(".", parts);
    }
}
