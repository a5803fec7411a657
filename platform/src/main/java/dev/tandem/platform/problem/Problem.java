package dev.tandem.platform.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 *
 * @param type      URI naming the kind of problem; stable, safe to switch on
 * @param title     short human summary of the kind of problem
 * @param status    the HTTP status code
 * @param detail    what went wrong with this request
 * @param instance  the request path
 * @param requestId the request id (also in the {@code X-Request-Id} response header), for support and logs
 * @param errors    one entry per offending field, where the problem is about input
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem detail")
public record Problem(
        @Schema(example = "https://tandem.dev/problems/validation") String type,
        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "name: must not be blank") String detail,
        @Schema(example = "/api/v1/products") String instance,
        @Schema(example = "6f1c2c1e-3d0b-4d0e-9a53-6f0f2d1b9b1a") String requestId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://tandem.dev/problems/";

    public Problem withRequest(String instance, String requestId) {
        return new Problem(type, title, status, detail, instance, requestId, errors);
    }

    /**
     * One offending input field.
     *
     * @param field   JSON path of the field ({@code budget.amount}, {@code tags[2]}) or the parameter name
     * @param message what is wrong with it
     */
    @Schema(name = "FieldError")
    public record FieldError(@Schema(example = "name") String field, @Schema(example = "must not be blank") String message) {
    }
}
