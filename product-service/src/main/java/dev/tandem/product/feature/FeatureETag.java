package dev.tandem.product.feature;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import dev.tandem.platform.problem.ProblemException;
import dev.tandem.platform.web.Versions;

/**
 * The ETag of a feature: {@code "<version>.<derivedVersion>"}, e.g. {@code "7.3"} — the feature's own version (the
 * {@code version} of its body and of its events) and the version of its demand and risks ({@link DerivedVersions}),
 * which other services' events change. A strong tag: it changes whenever anything a read shows changes.
 *
 * <p>{@code If-None-Match} compares the whole tag, so a 304 never hides a new demand or risk. {@code If-Match} on an
 * update compares only the version part: {@code "7.3"} is current while the feature's version is 7, whatever its
 * demand did since. An update writes only the feature's own fields and demand and risks cannot be written through the
 * API, so a change of them is no lost update to prevent; refusing would fail product managers' edits (412) whenever
 * a customer's feedback arrived in between. The rest is the platform's {@link Versions#requireIfMatch}: missing or
 * {@code *} → 428, malformed → 400, stale → 412, a weak tag counts, and {@code "7"} (the body's {@code version} in
 * quotes, or an ETag from before the tag had two parts) still names version 7.
 */
public record FeatureETag(long version, long derivedVersion) {

    /** The opaque value, without quotes: {@code 7.3}. */
    public String value() {
        return version + "." + derivedVersion;
    }

    /** The header value, with quotes: {@code "7.3"}. */
    @Override
    public String toString() {
        return "\"" + value() + "\"";
    }

    /** Adds the {@code ETag} header to a response being built. */
    public Response.ResponseBuilder addTo(Response.ResponseBuilder response) {
        return response.tag(new EntityTag(value()));
    }

    /** 200 with the entity and this ETag. */
    public Response ok(Object entity) {
        return addTo(Response.ok(entity)).build();
    }

    /** Whether {@code If-None-Match} names this tag (or is {@code *}): the client's copy is current, answer 304. */
    public boolean isCurrentFor(String ifNoneMatch) {
        return Versions.names(ifNoneMatch, value());
    }

    /** 304 with this ETag and no body. */
    public Response notModified() {
        return addTo(Response.notModified()).build();
    }

    /**
     * Checks an update's {@code If-Match} against the feature's current version (the version part of a tag only;
     * see the class comment): {@code "7.3"}, {@code "7.0"} and {@code "7"} all name version 7.
     *
     * @throws ProblemException 428 when missing, blank or {@code *}; 400 when malformed; 412 when stale
     */
    public void requireIfMatch(String ifMatch) {
        Versions.requireIfMatch(ifMatch, tag -> tag.matches("\\d+(\\.\\d+)?")
                && tag.split("\\.")[0].equals(Long.toString(version)), toString());
    }
}
