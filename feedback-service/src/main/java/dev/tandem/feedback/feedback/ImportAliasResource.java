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

/** {@code POST /api/v1/feedback/imports}: the same import as {@code /api/v1/imports/feedback}, under feedback. */
@Path(ImportResource.ALIAS_PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Import")
public class ImportAliasResource {

    @Inject
    FeedbackImport importer;

    @POST
    @Consumes({ImportResource.CSV, ImportResource.NDJSON})
    @Operation(operationId = "importFeedbackUnderFeedback", summary = "Import feedback in bulk (same as POST /api/v1/imports/feedback)",
            description = ImportResource.DESCRIPTION)
    @RequestBody(required = true, content = {
            @Content(mediaType = ImportResource.CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = ImportResource.CSV_EXAMPLE)),
            @Content(mediaType = ImportResource.NDJSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                    examples = @ExampleObject(name = "ndjson", value = ImportResource.NDJSON_EXAMPLE))})
    @APIResponse(responseCode = "200", description = "Counts, and the rejected rows with line and reason",
            content = @Content(schema = @Schema(implementation = FeedbackImport.Result.class),
                    examples = @ExampleObject(name = "result", value = ImportResource.RESULT_EXAMPLE)))
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
