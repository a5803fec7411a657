package dev.tandem.feedback.nps;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the NPS endpoints. */
final class NpsRequests {

    @Schema(name = "CreateNpsSurvey")
    record CreateSurvey(
            @Schema(description = "A live product of the catalog (else 422).", required = true) @NotNull UUID productId,
            @Schema(example = "How likely are you to recommend Checkout to a colleague?", required = true)
            @NotBlank @Size(max = 500) String question,
            @Schema(example = "2026-11-01T00:00:00Z", required = true) @NotNull Instant opensAt,
            @Schema(description = "After opensAt (else 422).", example = "2026-12-01T00:00:00Z", required = true)
            @NotNull Instant closesAt) {
    }

    @Schema(name = "CreateNpsResponse")
    record CreateResponse(
            @Schema(description = "An existing customer (else 422); one answer per customer and survey.", required = true)
            @NotNull UUID customerId,
            @Schema(description = "0 (not at all likely) to 10 (extremely likely).", example = "9", required = true)
            @NotNull @Min(0) @Max(10) Integer score,
            @Schema(description = "Optional; also becomes a SURVEY feedback item.", example = "Exports are too slow.")
            @Size(max = 20000) String comment) {
    }

    private NpsRequests() {
    }
}
