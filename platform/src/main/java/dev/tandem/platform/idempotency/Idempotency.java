package dev.tandem.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;
import dev.tandem.platform.problem.Problems;
import dev.tandem.platform.web.RequestContext;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code Idempotency-Key} on creates: the same key and body replays the first response; the same key with another
 * body is refused with 422. Keys belong to the caller (the verified internal token's subject) and the operation:
 * another caller using the same key makes a request of its own, never sees the first caller's answer and is never
 * refused because of it.
 *
 * <p>Call it inside the resource's {@code @Transactional} create; the key row is written in that transaction, so a
 * create that fails stores nothing and can be retried with the same key:
 *
 * <pre>{@code
 * @POST @Transactional
 * public Response create(@HeaderParam(Idempotency.HEADER) String key, @Valid CreateProduct body) {
 *     return idempotency.execute(key, "POST /api/v1/products", body, () -> {
 *         Product p = Product.create(body);
 *         em.persist(p);
 *         em.flush();
 *         return Versions.withETag(Response.created(URI.create("/api/v1/products/" + p.id)), p.version)
 *                 .entity(ProductView.of(p)).build();
 *     });
 * }
 * }</pre>
 *
 * <p>How: the key row is inserted first with {@code INSERT … ON CONFLICT DO NOTHING}. A concurrent request with the
 * same key blocks on that insert until the first transaction ends: if it committed, the second one finds the row and
 * replays it; if it rolled back, the second one proceeds as the first. Only 2xx responses are stored; a non-2xx
 * response returned (not thrown) by {@code create} deletes the key again. Replays carry the stored status, body,
 * {@code Location}, {@code ETag} and {@code Content-Type}, plus {@code Idempotency-Replayed: true}.
 *
 * <p>Retention: rows are deleted {@code tandem.idempotency.retention} (default 24h) after they were written, by a
 * job running every {@code tandem.idempotency.purge-every} (default 1h) on each instance (deleting is idempotent).
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";
    public static final int MAX_KEY_LENGTH = 255;

    private static final Logger LOG = Logger.getLogger(Idempotency.class);
    private static final List<String> STORED_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG,
            HttpHeaders.CONTENT_TYPE);
    private static final TypeReference<Map<String, String>> HEADER_MAP = new TypeReference<>() {
    };

    private static final String INSERT = """
            INSERT INTO idempotency_key (scope, idempotency_key, request_fingerprint)
            VALUES (?, ?, ?)
            ON CONFLICT (scope, idempotency_key) DO NOTHING""";
    private static final String SELECT = """
            SELECT request_fingerprint, response_status, response_headers, response_body
            FROM idempotency_key WHERE scope = ? AND idempotency_key = ?""";
    private static final String STORE = """
            UPDATE idempotency_key SET response_status = ?, response_headers = ?, response_body = ?
            WHERE scope = ? AND idempotency_key = ?""";
    private static final String DELETE = "DELETE FROM idempotency_key WHERE scope = ? AND idempotency_key = ?";
    private static final String PURGE = "DELETE FROM idempotency_key WHERE created_at < now() - (? * interval '1 second')";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    RequestContext requestContext;

    @ConfigProperty(name = "tandem.idempotency.retention", defaultValue = "24h")
    Duration retention;

    @Inject
    jakarta.enterprise.inject.Instance<io.vertx.ext.web.RoutingContext> routingContext;

    /**
     * Who is calling: the subject of the verified internal token (an API key's {@code apikey:<id>}, a person's
     * {@code sub}), or {@code -} where there is none (security off, or no HTTP request).
     */
    private String principal() {
        try {
            Object caller = routingContext.get().get(dev.tandem.platform.security.InternalTokenFilter.CALLER_KEY);
            if (caller instanceof dev.tandem.platform.security.InternalToken token) {
                return token.subject();
            }
        } catch (RuntimeException noRequest) {
            // outside an HTTP request (ContextNotActiveException): no caller
        }
        return "-";
    }

    /**
     * Runs {@code create} at most once per {@code (scope, idempotencyKey)}.
     *
     * @param idempotencyKey the {@code Idempotency-Key} header; null runs {@code create} without any bookkeeping
     * @param scope          the operation, e.g. {@code "POST /api/v1/products"}; keys are unique per scope and caller
     * @param requestBody    the deserialized body; its canonical JSON (keys sorted) is fingerprinted with SHA-256
     * @param create         performs the create and returns its response (entity serialisable by Jackson)
     * @return the response of {@code create}, or the replay of the first response for this key
     * @throws ProblemException 400 when the key is empty or longer than 255 characters; 422 when the key was used
     *                          with a different body; 409 when the key is still being processed in this transaction
     * @throws IllegalStateException when called outside a transaction
     */
    public Response execute(String idempotencyKey, String scope, Object requestBody, Supplier<Response> create) {
        if (idempotencyKey == null) {
            // Jakarta REST turns an empty header into null: an Idempotency-Key sent empty is still a 400.
            requestContext.header(HEADER).ifPresent(Idempotency::validate);
            return create.get();
        }
        validate(idempotencyKey);
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Idempotency.execute must run inside the create's transaction");
        }
        // a key is the caller's own: another caller's same key (and body) is another request, never a replay
        scope = scope + " " + principal();
        String fingerprint = fingerprint(requestBody);
        for (int attempt = 0; attempt < 3; attempt++) {
            if (insert(scope, idempotencyKey, fingerprint)) {
                Response response = create.get();
                if (response.getStatus() >= 200 && response.getStatus() < 300) {
                    store(scope, idempotencyKey, response);
                } else {
                    update(DELETE, scope, idempotencyKey);
                }
                return response;
            }
            StoredResponse stored = find(scope, idempotencyKey);
            if (stored == null) {
                continue; // purged between our insert and select: try again
            }
            if (!stored.fingerprint().equals(fingerprint)) {
                throw new ProblemException(422, Problems.IDEMPOTENCY_KEY_REUSED, "Idempotency key reused",
                        "Idempotency-Key " + idempotencyKey + " was already used with a different request body",
                        List.of(new Problem.FieldError(HEADER, "was already used with a different request body")));
            }
            if (stored.status() == null) {
                throw ProblemException.conflict("The request with Idempotency-Key " + idempotencyKey
                        + " is still being processed");
            }
            return replay(stored);
        }
        throw new IllegalStateException("Could not record Idempotency-Key " + idempotencyKey);
    }

    /** Deletes keys written more than {@code age} ago; returns how many. */
    @Transactional
    public int purgeOlderThan(Duration age) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(PURGE)) {
            ps.setDouble(1, age.toMillis() / 1000.0);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not purge idempotency keys", e);
        }
    }

    @Scheduled(identity = "tandem-idempotency-purge", every = "${tandem.idempotency.purge-every:1h}",
            delayed = "${tandem.idempotency.purge-delay:5m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        int deleted = purgeOlderThan(retention);
        if (deleted > 0) {
            LOG.debugf("Purged %d idempotency keys older than %s", deleted, retention);
        }
    }

    private static void validate(String key) {
        String problem = null;
        if (key.isBlank()) {
            problem = "must not be empty";
        } else if (key.length() > MAX_KEY_LENGTH) {
            problem = "must be at most " + MAX_KEY_LENGTH + " characters";
        } else if (key.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
            problem = "must not contain control characters";
        }
        if (problem != null) {
            throw ProblemException.badRequest("Idempotency-Key " + problem, new Problem.FieldError(HEADER, problem));
        }
    }

    /** Hex SHA-256 of the canonical JSON of a body: object keys sorted, no insignificant whitespace. */
    String fingerprint(Object body) {
        JsonNode tree = body == null ? objectMapper.nullNode() : objectMapper.valueToTree(body);
        StringBuilder canonical = new StringBuilder();
        canonical(tree, canonical);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void canonical(JsonNode node, StringBuilder out) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(object.textNode(names.get(i)).toString()).append(':');
                canonical(object.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node instanceof ArrayNode array) {
            out.append('[');
            Iterator<JsonNode> it = array.elements();
            while (it.hasNext()) {
                canonical(it.next(), out);
                if (it.hasNext()) {
                    out.append(',');
                }
            }
            out.append(']');
        } else {
            out.append(node.toString());
        }
    }

    private boolean insert(String scope, String key, String fingerprint) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, scope);
            ps.setString(2, key);
            ps.setString(3, fingerprint);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record Idempotency-Key", e);
        }
    }

    private StoredResponse find(String scope, String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setString(1, scope);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                int status = rs.getInt(2);
                return new StoredResponse(rs.getString(1), rs.wasNull() ? null : status, rs.getString(3),
                        rs.getString(4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read Idempotency-Key", e);
        }
    }

    private void store(String scope, String key, Response response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : STORED_HEADERS) {
            String value = response.getHeaderString(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        Object entity = response.getEntity();
        if (entity != null && !headers.containsKey(HttpHeaders.CONTENT_TYPE)) {
            headers.put(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
        try {
            String body = entity == null ? null
                    : entity instanceof String s ? s : objectMapper.writeValueAsString(entity);
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(STORE)) {
                ps.setInt(1, response.getStatus());
                ps.setString(2, objectMapper.writeValueAsString(headers));
                ps.setString(3, body);
                ps.setString(4, scope);
                ps.setString(5, key);
                ps.executeUpdate();
            }
        } catch (JsonProcessingException | SQLException e) {
            throw new IllegalStateException("Could not store the response for Idempotency-Key", e);
        }
    }

    private void update(String sql, String scope, String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, scope);
            ps.setString(2, key);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update Idempotency-Key", e);
        }
    }

    private Response replay(StoredResponse stored) {
        Response.ResponseBuilder builder = Response.status(stored.status());
        Map<String, String> headers;
        try {
            headers = stored.headers() == null ? Map.of() : objectMapper.readValue(stored.headers(), HEADER_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt stored headers for an idempotency key", e);
        }
        headers.forEach((name, value) -> {
            if (name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                builder.type(value);
            } else {
                builder.header(name, value);
            }
        });
        if (stored.body() != null) {
            builder.entity(stored.body());
        }
        return builder.header(REPLAYED_HEADER, "true").build();
    }

    private record StoredResponse(String fingerprint, Integer status, String headers, String body) {
    }
}
