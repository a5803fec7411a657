package dev.tandem.feedback.feedback;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;

/** An import request's body read as the rows of its content type (CSV, else NDJSON), for both import paths. */
final class ImportBodies {

    private ImportBodies() {
    }

    static FeedbackImport.Result run(FeedbackImport importer, String contentType, InputStream body) {
        if (body == null) {
            throw ProblemException.badRequest("the body is empty", new Problem.FieldError("body", "missing"));
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 64 * 1024);
        boolean csv = contentType != null && contentType.toLowerCase().startsWith(ImportResource.CSV);
        return importer.run(csv ? ImportRows.csv(reader) : ImportRows.ndjson(reader));
    }
}
