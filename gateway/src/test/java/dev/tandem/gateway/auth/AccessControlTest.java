package dev.tandem.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.tandem.devstack.testing.TestTokens;
import dev.tandem.gateway.TestKeys;
import dev.tandem.gateway.TestUpstreams;
import dev.tandem.gateway.apikey.ApiKeySecrets;
import dev.tandem.gateway.apikey.ApiKeys;
import dev.tandem.platform.security.Actor;
import dev.tandem.platform.security.InternalToken;
import dev.tandem.platform.security.InternalTokens;
import dev.tandem.platform.security.SecurityKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Credentials and scopes at the gateway: API keys, people's JWTs, the internal token, the scope matrix. */
@QuarkusTest
@WithTestResource(TestUpstreams.class)
class AccessControlTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    ApiKeys apiKeys;

    private RequestSpecification withKey(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    @Test
    void noCredentialsIsA401ProblemWithAChallenge() {
        given().header("X-Request-Id", "auth-1").get("/api/v1/products").then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", is("Bearer realm=\"tandem\""))
                .header("X-Request-Id", "auth-1")
                .body("type", is("https://tandem.dev/problems/unauthorized"))
                .body("requestId", is("auth-1"))
                .body("instance", is("/api/v1/products"));
        // unknown paths too: nobody learns which paths exist without credentials
        given().get("/api/v1/nothing-here").then().statusCode(401);
        given().header("Authorization", "Basic dXNlcjpwdw==").get("/api/v1/products").then().statusCode(401);
    }

    @Test
    void unknownOrMalformedKeysAre401InvalidToken() {
        String unknown = ApiKeySecrets.generate().secret();
        for (String key : new String[] {unknown, "tnd_live_nothex", "tnd_" + "x".repeat(80)}) {
            withKey(key).get("/api/v1/products").then()
                    .statusCode(401)
                    .contentType(PROBLEM)
                    .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                    .body("detail", is("unknown API key"));
        }
    }

    @Test
    void aKeyWorksAsBearerOrXApiKeyAndTheUpstreamGetsAnInternalTokenInsteadOfIt() throws Exception {
        String key = TestKeys.withScopes(apiKeys, "products:read");
        for (RequestSpecification request : List.of(withKey(key), given().header("X-API-Key", key))) {
            Response response = request.header("X-Request-Id", "internal-1")
                    .header(InternalTokens.HEADER, TestTokens.mint("admin")) // smuggled in: must be replaced
                    .get("/api/v1/products/7");
            response.then().statusCode(200)
                    .body("headers.authorization", nullValue())
                    .body("headers.x-api-key", nullValue())
                    .body("headers.x-request-id", is("internal-1"));
            InternalToken token = InternalTokens.verify(SecurityKeys.publicKey(TestTokens.PUBLIC_KEY),
                    response.path("headers.x-tandem-internal-token"), Instant.now());
            assertEquals(Set.of("products:read"), token.scopes());
            assertTrue(token.subject().startsWith("apikey:"), token.subject());
            assertEquals("test products:read", token.clientId());
            assertTrue(token.expiresAt().isBefore(Instant.now().plusSeconds(301)), "short-lived");
        }
    }

    @Test
    void aCallerReusesOneTokenWhileOtherCallersGetTheirOwn() {
        String reader = TestKeys.withScopes(apiKeys, "products:read");
        String writer = TestKeys.withScopes(apiKeys, "products:write");
        String first = withKey(reader).get("/api/v1/products/7").path("headers.x-tandem-internal-token");
        String second = withKey(reader).get("/api/v1/products/8").path("headers.x-tandem-internal-token");
        String other = withKey(writer).get("/api/v1/products/7").path("headers.x-tandem-internal-token");
        assertEquals(first, second, "one caller's requests share its token, so services verify it once");
        assertNotEquals(first, other, "another key (other subject and scopes) gets a token of its own");
    }

    /**
     * Each scope against each operation family, through the gateway: a read needs {@code :read} or {@code :write} of
     * the route's upstream, a write {@code :write}, the admin API {@code admin}; {@code admin} may do everything.
     */
    @Test
    void scopeMatrix() {
        record Operation(String method, String path, String needs) {
        }
        List<Operation> operations = List.of(
                new Operation("GET", "/api/v1/products/1", "products:read"),
                new Operation("POST", "/api/v1/features", "products:write"),
                new Operation("GET", "/api/v1/projects", "projects:read"),
                new Operation("DELETE", "/api/v1/tasks/1", "projects:write"),
                new Operation("GET", "/api/v1/feedback/1", "feedback:read"),
                new Operation("POST", "/api/v1/feedback", "feedback:write"),
                new Operation("GET", "/api/v1/admin/api-keys", "admin"));
        List<String> scopes = List.of("products:read", "products:write", "projects:read", "projects:write",
                "feedback:read", "feedback:write", "admin");
        List<String> mismatches = new ArrayList<>();
        for (String scope : scopes) {
            String key = TestKeys.withScopes(apiKeys, scope);
            for (Operation op : operations) {
                int status = withKey(key).contentType(ContentType.JSON).body(op.method().equals("GET") ? "" : "{}")
                        .request(op.method(), op.path()).then().extract().statusCode();
                boolean allowed = scope.equals("admin") || scope.equals(op.needs())
                        || op.needs().endsWith(":read") && scope.equals(op.needs().replace(":read", ":write"));
                // allowed: whatever the upstream says (project's is down: 502); refused: 403 from the gateway
                if (allowed != (status != 403) || status == 401) {
                    mismatches.add(scope + " " + op.method() + " " + op.path() + " -> " + status);
                }
            }
        }
        assertTrue(mismatches.isEmpty(), mismatches.toString());
        withKey(TestKeys.withScopes(apiKeys, "products:read")).post("/api/v1/products").then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("type", is("https://tandem.dev/problems/forbidden"))
                .body("detail", containsString("needs scope products:write"));
    }

    @Test
    void aWriteScopeIncludesReadingTheSameServiceAndNothingElse() throws Exception {
        String writer = TestKeys.withScopes(apiKeys, "products:write");
        Response read = withKey(writer).get("/api/v1/products/7");
        read.then().statusCode(200).body("upstream", is("product"));
        // the service gets the scopes as granted and applies the same rule (platform Scopes) itself
        assertEquals(Set.of("products:write"), InternalTokens.verify(SecurityKeys.publicKey(TestTokens.PUBLIC_KEY),
                read.path("headers.x-tandem-internal-token"), Instant.now()).scopes());
        withKey(writer).head("/api/v1/features/7").then().statusCode(200);
        withKey(writer).get("/api/v1/projects").then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("detail", containsString("needs scope projects:read"));
        withKey(writer).get("/api/v1/feedback/1").then().statusCode(403);
        withKey(writer).get("/api/v1/admin/api-keys").then().statusCode(403).body("detail", containsString("admin"));
        // and read still does not include write
        withKey(TestKeys.withScopes(apiKeys, "feedback:read")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/feedback").then().statusCode(403).body("detail", containsString("feedback:write"));
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        String admin = TestKeys.admin(apiKeys);
        Response created = withKey(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"soon-revoked\",\"scopes\":[\"products:read\"]}")
                .post("/api/v1/admin/api-keys");
        created.then().statusCode(201);
        String key = created.path("secret");
        String id = created.path("id");
        withKey(key).get("/api/v1/products").then().statusCode(200);

        withKey(admin).delete("/api/v1/admin/api-keys/" + id).then().statusCode(204);
        withKey(key).get("/api/v1/products").then()
                .statusCode(401)
                .body("detail", is("API key soon-revoked was revoked"));
        withKey(admin).delete("/api/v1/admin/api-keys/" + id).then().statusCode(204); // idempotent
        withKey(admin).get("/api/v1/admin/api-keys/" + id).then().statusCode(200).body("status", is("REVOKED"));
    }

    @Test
    void anExpiredKeyIsRefused() throws InterruptedException {
        String key = apiKeys.issue("short-lived", List.of("products:read"), null, Instant.now().plusMillis(1500), "test")
                .secret();
        withKey(key).get("/api/v1/products").then().statusCode(200);
        // waiting for the clock: nothing to poll but the answer itself
        int status = await("the key to expire").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> withKey(key).get("/api/v1/products").then().extract().statusCode(), not(equalTo(200)));
        assertEquals(401, status);
        withKey(key).get("/api/v1/products").then().body("detail", containsString("expired"));
    }

    @Test
    void aPersonsJwtIsAcceptedWithTheScopesOfItsClaim() throws Exception {
        Response response = withKey(Jwts.valid("ana@example.com", "products:read feedback:read"))
                .get("/api/v1/products/1");
        response.then().statusCode(200);
        InternalToken token = InternalTokens.verify(SecurityKeys.publicKey(TestTokens.PUBLIC_KEY),
                response.path("headers.x-tandem-internal-token"), Instant.now());
        assertEquals("ana@example.com", token.subject());
        assertEquals("tandem-web", token.clientId());
        assertEquals(Set.of("products:read", "feedback:read"), token.scopes());

        withKey(Jwts.valid("ana@example.com", "products:read")).post("/api/v1/products").then().statusCode(403);
    }

    @Test
    void aPersonsNameAndEmailTravelToTheServicesForTheActor() throws Exception {
        String jwt = Jwts.sign(Jwts.claims(TestUpstreams.JWT_ISSUER, "u-ana", Instant.now().plusSeconds(300),
                Map.of("scope", "products:read", "azp", "tandem-web", "name", "Ana Lima",
                        "email", "ana@example.com")), Jwts.issuerKey());
        Response response = withKey(jwt).get("/api/v1/products/1");
        response.then().statusCode(200);
        InternalToken token = InternalTokens.verify(SecurityKeys.publicKey(TestTokens.PUBLIC_KEY),
                response.path("headers.x-tandem-internal-token"), Instant.now());
        assertEquals("u-ana", token.subject());
        assertEquals("Ana Lima", token.name());
        assertEquals("ana@example.com", token.email());
        assertEquals(new Actor("u-ana", Actor.Kind.PERSON, "Ana Lima"), Actor.of(token));
        // an API key's token names no person: its actor is the key, by its name
        String key = TestKeys.withScopes(apiKeys, "products:read");
        InternalToken keys = InternalTokens.verify(SecurityKeys.publicKey(TestTokens.PUBLIC_KEY),
                withKey(key).get("/api/v1/products/1").path("headers.x-tandem-internal-token"), Instant.now());
        assertEquals(null, keys.name());
        assertEquals(Actor.Kind.SYSTEM, Actor.of(keys).kind());
        assertEquals("test products:read", Actor.of(keys).name());
    }

    @Test
    void aPersonCannotPassForASystem() {
        for (String subject : List.of("apikey:6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a", "system:product-service",
                "u".repeat(256))) {
            withKey(Jwts.valid(subject, "products:read")).get("/api/v1/products/1").then()
                    .statusCode(401)
                    .contentType(PROBLEM)
                    .header("WWW-Authenticate", containsString("invalid_token"))
                    .body("detail", containsString("subject"));
        }
    }

    @Test
    void rolesAndGroupsClaimsGrantNothingWhenTheScopeClaimIsScope() {
        // identity providers put role names in roles, groups or realm_access.roles: only jwt.scope-claim (scope)
        // counts, so a person who is "admin" in some directory gets no Tandem scope from it
        Map<String, Object> roleClaims = Map.of("azp", "tandem-web",
                "roles", List.of("admin", "products:read"),
                "groups", List.of("admin", "products:write"),
                "realm_access", Map.of("roles", List.of("admin", "products:read")),
                "resource_access", Map.of("tandem-api", Map.of("roles", List.of("admin"))));
        String token = Jwts.sign(Jwts.claims(TestUpstreams.JWT_ISSUER, "ana", Instant.now().plusSeconds(300),
                roleClaims), Jwts.issuerKey());
        withKey(token).get("/api/v1/admin/dead-letters").then()
                .statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("admin"));
        withKey(token).get("/api/v1/products/1").then()
                .statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("products:read"));
        // the same person with the scope in the scope claim gets exactly that
        withKey(Jwts.valid("ana", "products:read")).get("/api/v1/products/1").then().statusCode(200);
    }

    @Test
    void expiredForgedAndWronglySignedJwtsAre401() throws Exception {
        Map<String, Object> scope = Map.of("scope", "admin");
        String expired = Jwts.sign(Jwts.claims(TestUpstreams.JWT_ISSUER, "ana", Instant.now().minusSeconds(120), scope),
                Jwts.issuerKey());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String otherKey = Jwts.sign(Jwts.claims(TestUpstreams.JWT_ISSUER, "ana", Instant.now().plusSeconds(300), scope),
                generator.generateKeyPair().getPrivate());
        String wrongIssuer = Jwts.sign(Jwts.claims("https://evil.example.test", "ana", Instant.now().plusSeconds(300),
                scope), Jwts.issuerKey());
        // a token the same issuer made for another application (its aud is not Tandem's)
        org.jose4j.jwt.JwtClaims forTheWiki = Jwts.claims(TestUpstreams.JWT_ISSUER, "ana", Instant.now().plusSeconds(300),
                scope);
        forTheWiki.setAudience("wiki");
        String otherAudience = Jwts.sign(forTheWiki, Jwts.issuerKey());
        String valid = Jwts.valid("ana", "admin");
        String payload = valid.split("\\.")[1];
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String algNone = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + payload + ".";
        String tampered = valid.split("\\.")[0] + "." + b64.encodeToString(new String(Base64.getUrlDecoder()
                .decode(payload), StandardCharsets.UTF_8).replace("\"ana\"", "\"bob\"").getBytes(StandardCharsets.UTF_8))
                + "." + valid.split("\\.")[2];
        Map<String, String> cases = Map.of(expired, "token expired", otherKey, "token signature is not valid",
                wrongIssuer, "token issuer is not accepted", algNone, "algorithm", tampered, "signature",
                otherAudience, "token audience is not accepted",
                "not.a.jwt", "not a valid signed JWT");
        cases.forEach((token, reason) -> withKey(token).get("/api/v1/products").then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("detail", containsString(reason)));
    }

    @Test
    void corsPreflightNeedsNoCredentials() {
        given().header("Origin", TestUpstreams.CORS_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type")
                .options("/api/v1/products").then()
                .statusCode(oneOf(200, 204))
                .header("Access-Control-Allow-Origin", TestUpstreams.CORS_ORIGIN)
                .header("Access-Control-Allow-Methods", containsString("POST"));
        withKey(TestKeys.withScopes(apiKeys, "products:read")).header("Origin", TestUpstreams.CORS_ORIGIN)
                .get("/api/v1/products").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", TestUpstreams.CORS_ORIGIN)
                .header("Access-Control-Expose-Headers", containsString("RateLimit-Remaining"));
    }

    @Test
    void openPathsNeedNoCredentials() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/openapi").then().statusCode(200).body("paths", notNullValue());
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(not(oneOf(401, 403)));
    }

    @Test
    void theLastUseOfAKeyIsRecordedByTheBatchFlush() {
        String key = TestKeys.withScopes(apiKeys, "feedback:read");
        withKey(key).get("/api/v1/feedback").then().statusCode(200);
        apiKeys.flushLastUse();
        List<String> used = withKey(TestKeys.admin(apiKeys)).get("/api/v1/admin/api-keys?limit=200").then()
                .statusCode(200).extract().path("items.findAll { it.lastUsedAt != null }.name");
        assertTrue(used.contains("test feedback:read"), used.toString());
        withKey(TestKeys.admin(apiKeys)).get("/api/v1/admin/api-keys?limit=200").then()
                .body("items.secret", not(hasItem(notNullValue())));
    }
}
