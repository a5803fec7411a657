package dev.tandem.feedback.feedback;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.MediaType;

/**
 * Keeps the import's NDJSON request example as the text it is. SmallRye OpenAPI reads an annotation example that
 * starts with {@code {} as JSON and keeps only its first value, so the two-line NDJSON example became one object —
 * wrong for a text media type (and flagged by Spectral's oas3-valid-media-example).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ImportExamplesOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (item.getPOST() == null || item.getPOST().getRequestBody() == null
                    || item.getPOST().getRequestBody().getContent() == null) {
                return;
            }
            MediaType ndjson = item.getPOST().getRequestBody().getContent().getMediaType(ImportResource.NDJSON);
            if (ndjson != null && ndjson.getExamples() != null) {
                Example example = ndjson.getExamples().get("ndjson");
                if (example != null && !(example.getValue() instanceof String)) {
                    example.setValue(ImportResource.NDJSON_EXAMPLE);
                }
            }
        });
    }
}
