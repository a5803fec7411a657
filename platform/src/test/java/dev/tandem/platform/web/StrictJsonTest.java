package dev.tandem.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@link StrictJson} refuses that Jackson's defaults would read as something else (the mapper alone). */
class StrictJsonTest {

    public record Input(Boolean flag, boolean primitiveFlag, LocalDate day, UUID id) {
    }

    private final ObjectMapper mapper = strict();

    private static ObjectMapper strict() {
        ObjectMapper m = new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(new ParameterNamesModule());
        new StrictJson().customize(m);
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"flag\": 1}", "{\"flag\": 0}", "{\"primitiveFlag\": 1}"})
    void aNumberIsNotABoolean(String json) {
        // Jackson reads 1 as true and 0 as false: an integration sending a counter would flip a flag
        assertThrows(JsonProcessingException.class, () -> mapper.readValue(json, Input.class));
    }

    @Test
    void trueAndFalseStillAre() throws Exception {
        assertEquals(Boolean.TRUE, mapper.readValue("{\"flag\": true}", Input.class).flag());
        assertEquals(Boolean.FALSE, mapper.readValue("{\"flag\": false}", Input.class).flag());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"day\": \"\"}", "{\"day\": 19000}", "{\"day\": \"+999999999-12-31\"}",
        "{\"id\": \" \"}", "{\"day\": \"2024-05-31\", \"day\": \"2024-06-01\"}"})
    void emptyNumericOutOfRangeOrRepeatedValuesAreRefused(String json) {
        assertThrows(JsonProcessingException.class, () -> mapper.readValue(json, Input.class));
    }

    @Test
    void aDateInRangeIsRead() throws Exception {
        assertEquals(LocalDate.of(9999, 12, 31), mapper.readValue("{\"day\": \"9999-12-31\"}", Input.class).day());
    }
}
