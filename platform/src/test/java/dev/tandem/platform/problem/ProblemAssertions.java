package dev.tandem.platform.problem;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.RestAssured;
import io.restassured.parsing.Parser;
import io.restassured.response.ValidatableResponse;

/** Shared checks of a problem+json response. */
public final class ProblemAssertions {

    static {
        RestAssured.registerParser(Problem.MEDIA_TYPE, Parser.JSON);
    }

    private ProblemAssertions() {
    }

    /** Registers the problem+json parser with REST Assured (idempotent). */
    public static void init() {
        // the static initializer does the work
    }

    /**
     * Status, content type, type URI, title present, instance = the request path, request id in body and header
     * alike, and no trace of a stack trace or an exception class name.
     */
    public static ValidatableResponse assertProblem(ValidatableResponse response, int status, String slug,
            String path) {
        String requestId = response.extract().header("X-Request-Id");
        return response
                .statusCode(status)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .header("X-Request-Id", matchesPattern("[A-Za-z0-9._-]{1,128}"))
                .body("type", equalTo(Problem.TYPE_BASE + slug))
                .body("status", equalTo(status))
                .body("title", not(equalTo(null)))
                .body("instance", equalTo(path))
                .body("requestId", equalTo(requestId))
                .body(allOf(not(containsString("Exception")), not(containsString("\tat ")),
                        not(containsString(".java:")), not(containsString("<html"))));
    }
}
