package dev.tandem.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;

/**
 * ETags from entity version numbers, and the {@code If-Match} check of updates (optimistic concurrency).
 *
 * <p>The ETag of a resource is its version number as a strong tag: version 7 is {@code "7"}. Reads send it in
 * {@code ETag}; updates and deletes must send it back in {@code If-Match}:
 *
 * <pre>{@code
 * @GET @Path("{id}")
 * public Response get(@PathParam("id") UUID id) {
 *     Product p = find(id);
 *     return Versions.ok(ProductView.of(p), p.version);
 * }
 *
 * @PUT @Path("{id}") @Transactional
 * public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid UpdateProduct body) {
 *     Product p = find(id);
 *     Versions.requireIfMatch(ifMatch, p.version);     // 428 when missing, 412 when stale
 *     p.apply(body);
 *     em.flush();                                      // bumps @Version; a concurrent writer's commit is a 412 too
 *     return Versions.ok(ProductView.of(p), p.version);
 * }
 * }</pre>
 *
 * <p>Decisions: a weak tag ({@code W/"7"}) matches version 7 — an intermediary that compresses a response may weaken
 * the tag, and the version number still names exactly one state, so nothing is lost by accepting it (a deliberate
 * relaxation of RFC 9110's strong comparison). {@code If-Match: *} is refused with 428: it would update whatever the
 * current state is, which is exactly the lost update the header exists to prevent. A list of tags matches when any
 * of them does. A value that is not a list of quoted tags is a 400 naming {@code If-Match}.
 */
public final class Versions {

    public static final String IF_MATCH = HttpHeaders.IF_MATCH;

    private Versions() {
    }

    /** The ETag header value for a version: {@code "7"}. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The ETag as a Jakarta REST {@link EntityTag} (strong). */
    public static EntityTag entityTag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Adds the {@code ETag} header for a version to a response being built. */
    public static Response.ResponseBuilder withETag(Response.ResponseBuilder response, long version) {
        return response.tag(entityTag(version));
    }

    /** 200 with the entity and its ETag. */
    public static Response ok(Object entity, long version) {
        return withETag(Response.ok(entity), version).build();
    }

    /**
     * A conditional read: 304 (with the ETag, no body) when {@code If-None-Match} names the current version,
     * else 200 with the entity and its ETag.
     */
    public static Response ok(Object entity, long version, String ifNoneMatch) {
        if (names(ifNoneMatch, Long.toString(version))) {
            return withETag(Response.notModified(), version).build();
        }
        return ok(entity, version);
    }

    /**
     * Whether an {@code If-None-Match} header names the entity tag whose opaque value (without quotes) is
     * {@code opaqueTag}, or is {@code *}: the client's copy is current. For resources whose tag is not a bare version.
     */
    public static boolean names(String ifNoneMatch, String opaqueTag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String trimmed = ifNoneMatch.strip();
        return "*".equals(trimmed) || tags(trimmed).contains(opaqueTag);
    }

    /**
     * Checks an update's {@code If-Match} header against the current version.
     *
     * @throws ProblemException 428 when the header is missing, blank or {@code *}; 400 when it is malformed;
     *                          412 when no tag in it names {@code currentVersion}
     */
    public static void requireIfMatch(String ifMatchHeader, long currentVersion) {
        String current = Long.toString(currentVersion);
        requireIfMatch(ifMatchHeader, current::equals, etag(currentVersion));
    }

    /**
     * Checks an update's {@code If-Match} header with a rule of the resource's own: {@code isCurrent} says whether an
     * opaque tag value (without quotes, weak or strong alike) names the current state; {@code currentETag} is shown
     * in the 412. For resources whose tag is not a bare version.
     *
     * @throws ProblemException 428 when the header is missing, blank or {@code *}; 400 when it is malformed;
     *                          412 when no tag in it is current
     */
    public static void requireIfMatch(String ifMatchHeader, java.util.function.Predicate<String> isCurrent,
            String currentETag) {
        if (ifMatchHeader == null || ifMatchHeader.isBlank()) {
            throw ProblemException.preconditionRequired(
                    "This update requires If-Match with the resource's current ETag (read it with GET)");
        }
        String value = ifMatchHeader.strip();
        if ("*".equals(value)) {
            throw ProblemException.preconditionRequired(
                    "If-Match: * is not accepted; send the resource's current ETag");
        }
        List<String> tags = tags(value);
        if (tags.isEmpty()) {
            throw ProblemException.badRequest("If-Match must be a quoted ETag such as \"7\"",
                    new Problem.FieldError(IF_MATCH, "must be a quoted ETag such as \"7\""));
        }
        if (tags.stream().noneMatch(isCurrent)) {
            throw ProblemException.preconditionFailed("If-Match " + value + " does not match the current ETag "
                    + currentETag + "; read the resource again and reapply the change");
        }
    }

    /** The version named by an ETag or If-Match value ({@code "7"} or {@code W/"7"}); empty when it names none. */
    public static OptionalLong versionOf(String etag) {
        List<String> tags = etag == null ? List.of() : tags(etag.strip());
        if (tags.size() != 1) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(tags.get(0)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The opaque values of a comma-separated list of entity tags ({@code "7", W/"8"} → [7, 8]); empty when the
     * value is not such a list.
     */
    static List<String> tags(String value) {
        List<String> tags = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            while (i < n && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
                i++;
            }
            if (value.startsWith("W/", i)) {
                i += 2;
            }
            if (i >= n || value.charAt(i) != '"') {
                return List.of();
            }
            int close = value.indexOf('"', i + 1);
            if (close < 0) {
                return List.of();
            }
            tags.add(value.substring(i + 1, close));
            i = close + 1;
            while (i < n && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
                i++;
            }
            if (i < n) {
                if (value.charAt(i) != ',') {
                    return List.of();
                }
                i++;
                if (i >= n) {
                    return List.of();
                }
            }
        }
        return tags;
    }
}
