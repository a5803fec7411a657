package dev.tandem.feedback.feedback;

import java.io.InputStream;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import dev.tandem.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bulk import of feedback, CSV or NDJSON, streamed; the gateway routes {@code /api/v1/imports} here. */
@Path(ImportResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Import", description = "Bulk import of feedback (CSV or NDJSON), idempotent by (source, externalReference).")
public class ImportResource {

    static final String PATH = "/api/v1/imports/feedback";
    static final String ALIAS_PATH = "/api/v1/feedback/imports";
    static final String CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";

    static final String DESCRIPTION = "Reads the body line by line (never whole) and writes in batches of 500 rows, "
            + "each batch in one transaction with a dev.tandem.feedback.received.v1 per created item. Columns "
            + "(CSV header names in any order, NDJSON field names): source*, externalReference*, customerId*, "
            + "productId*, title*, text*, receivedAt (ISO-8601, default now), tags (CSV: separated by |; NDJSON: "
            + "array of strings), owner; * = required. CSV is RFC 4180 (quoted fields may hold commas, quotes "
            + "doubled and line breaks). Each row follows the rules of POST /api/v1/feedback (known customer, "
            + "live catalog product, lengths) and needs an externalReference. Idempotent by (source, "
            + "externalReference): a row naming an existing item is counted unchanged and changes nothing (the "
            + "import never overwrites an item; triage goes through PATCH), so a file can be sent again safely. A "
            + "bad row is rejected with its line number and reason (the first 1000 are listed, errorsTruncated "
            + "says if more) and never stops the good ones. Bodies up to 100 MB (other routes: 1 MB), also "
            + "streamed when sent chunked (no Content-Length). A Content-Length over 100 MB is a 413 before anything "
            + "is read, and nothing is written; a chunked body that goes past 100 MB is a 413 once it does: the rows "
            + "before that point are imported and the detail says how many and from which line to send the rest. A "
            + "bad CSV header is a 400 and nothing is written.";

    static final String CSV_EXAMPLE = """
            source,externalReference,customerId,productId,title,text,receivedAt,tags,owner
            SUPPORT,ZD-48213,5d0c3f6e-2b8a-4f1e-9c7d-3a2b1c0d9e8f,0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50,Checkout is slow,"Slow, and we lose customers.",2026-11-21T16:40:00Z,performance|checkout,ana.pm@example.com
            """;
    static final String NDJSON_EXAMPLE = """
            {"source": "SUPPORT", "externalReference": "ZD-48213", "customerId": "5d0c3f6e-2b8a-4f1e-9c7d-3a2b1c0d9e8f", "productId": "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50", "title": "Checkout is slow", "text": "Slow, and we lose customers.", "tags": ["performance"]}
            {"source": "SALES", "externalReference": "SF-OPP-7781", "customerId": "5d0c3f6e-2b8a-4f1e-9c7d-3a2b1c0d9e8f", "productId": "0b9f5a2e-8d1c-4c59-9a4f-1f1c2d3e4f50", "text": "Would sign the renewal if invoices came as PDF."}
            """;
    static final String RESULT_EXAMPLE = """
            {"created": 99990, "unchanged": 0, "rejected": 10, "errorsTruncated": false,
             "errors": [{"line": 17, "reason": "customerId: no such customer"}, {"line": 18, "reason": "source: must be one of [SUPPORT, SURVEY, INTERVIEW, SALES, IN_APP, SOCIAL, OTHER]"}]}""";

    @Inject
    FeedbackImport importer;

    @POST
    @Consumes({CSV, NDJSON})
    @Operation(operationId = "importFeedback", summary = "Import feedback in bulk (CSV or NDJSON)", description = DESCRIPTION)
    @RequestBody(required = true, content = {
            @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE)),
            @Content(mediaType = NDJSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                    examples = @ExampleObject(name = "ndjson", value = NDJSON_EXAMPLE))})
    @APIResponse(responseCode = "200", description = "Counts, and the rejected rows with line and reason",
            content = @Content(schema = @Schema(implementation = FeedbackImport.Result.class),
                    examples = @ExampleObject(name = "result", value = RESULT_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", description = "The body is larger than 100 MB (chunked: the detail says which rows were imported before the limit)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is neither text/csv nor application/x-ndjson",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FeedbackImport.Result importFeedback(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                                InputStream body) {
        return ImportBodies.run(importer, contentType, body);
    }
}
