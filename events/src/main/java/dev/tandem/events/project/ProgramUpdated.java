package dev.tandem.events.project;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code dev.tandem.program.updated.v1} on {@code tandem.project.events}, subject = program id: the program's whole
 * state after the change.
 *
 * @param programId   the program's id
 * @param key         its unique key (upper case)
 * @param name        its name
 * @param description what the program is for, if written down
 * @param owner       who is accountable for it, if named
 * @param updatedAt   when it was changed
 * @param version     the program's version after this change
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProgramUpdated(
        UUID programId,
        String key,
        String name,
        String description,
        String owner,
        Instant updatedAt,
        long version) {
}
