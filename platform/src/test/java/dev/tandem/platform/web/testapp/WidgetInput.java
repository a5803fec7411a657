package dev.tandem.platform.web.testapp;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

public record WidgetInput(
        @NotBlank @Size(max = 50) String name,
        @NotNull @Min(0) Integer quantity,
        @NotNull Color color,
        LocalDate due,
        UUID ownerId,
        String batch,
        @Valid Budget budget,
        List<@NotBlank String> tags,
        List<@Valid Part> parts,
        @JsonProperty("serial_no") @Size(max = 3) String serialNumber) {

    public record Budget(@NotNull @Pattern(regexp = "\\d+\\.\\d{2}") String amount, @NotBlank String currency) {
    }

    public record Part(@NotBlank String label) {
    }
}
