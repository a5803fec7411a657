package dev.tandem.feedback.feedback;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/feedback/{id}/links}. */
@Schema(name = "CreateFeedbackLink")
public record CreateLinkRequest(
        @Schema(description = "A live feature of the feedback's product in the catalog (else 422).", required = true)
        @NotNull UUID featureId,

        @Schema(example = "IMPORTANT", required = true) @NotNull Importance importance,

        @Schema(description = "Deprecated: send onBehalfOf. Read as onBehalfOf when that is absent; who linked it is "
                + "always the authenticated caller.", example = "ana.pm@example.com", deprecated = true)
        @Size(max = 200) String linkedBy,

        @Schema(description = "Optional: on whose behalf the caller links it. Stored next to the caller, never "
                + "instead of it.", example = "ana.pm@example.com")
        @Size(max = 200) String onBehalfOf) {

    /** On whose behalf the client says it links: onBehalfOf, else the deprecated linkedBy. */
    String behalf() {
        return onBehalfOf != null && !onBehalfOf.isBlank() ? onBehalfOf : linkedBy;
    }
}
