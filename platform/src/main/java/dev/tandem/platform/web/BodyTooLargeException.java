package dev.tandem.platform.web;

import java.util.List;

import dev.tandem.platform.problem.ProblemException;
import dev.tandem.platform.problem.Problems;

/**
 * A streamed request body (see {@code tandem.http.streamed-body-paths}) went past its limit while its route read
 * it. Answered as the platform's 413 problem, unless the route catches it to say how far it got first.
 */
public class BodyTooLargeException extends ProblemException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        this(limit, "The request body is larger than the limit of " + limit + " bytes");
    }

    /** The same 413 with a detail of the route's own (e.g. what it did with the part it read). */
    public BodyTooLargeException(long limit, String detail) {
        super(413, Problems.PAYLOAD_TOO_LARGE, "Payload too large", detail, List.of());
        this.limit = limit;
    }

    /** The limit in bytes. */
    public long limit() {
        return limit;
    }
}
