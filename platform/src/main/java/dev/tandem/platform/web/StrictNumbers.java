package dev.tandem.platform.web;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Strict numbers: a JSON number with a fraction sent for a whole-number field (e.g. {@code "reach": 1.5}) is a 400
 * naming the field instead of being silently truncated (Jackson accepts it by default).
 */
@Singleton
public class StrictNumbers implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
