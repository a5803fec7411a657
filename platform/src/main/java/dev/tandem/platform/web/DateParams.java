package dev.tandem.platform.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Function;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import dev.tandem.platform.text.DateRules;

/**
 * Query, path and header parameters of type {@link LocalDate}, {@link Instant} and {@link OffsetDateTime} are read
 * as ISO-8601 with a year from 0001 to 9999 ({@link DateRules}); Quarkus' own converters take any year Java parses,
 * which then fails in the database as a 500. A value that does not convert is a 400 naming the parameter (a 404 for
 * a path parameter), as for any parameter of the wrong type.
 */
@Provider
public class DateParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) new Iso<>(DateRules::parseDate);
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) new Iso<>(DateRules::parseInstant);
        }
        if (rawType == OffsetDateTime.class) {
            return (ParamConverter<T>) new Iso<>(DateRules::parseOffsetDateTime);
        }
        return null;
    }

    private record Iso<T>(Function<String, T> parse) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null || value.isBlank()) {
                return null; // absent, as Quarkus reads an empty parameter of these types
            }
            try {
                return parse.apply(value);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
