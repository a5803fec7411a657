package dev.tandem.platform.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.tandem.platform.text.DateRules;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * A request body means what it says, or it is a 400 naming the field (with {@link StrictNumbers} and
 * {@code SafeTextModule}); Jackson's defaults guess instead:
 *
 * <ul>
 * <li>a field sent twice ({@code {"stage":"A","stage":"B"}}) is malformed JSON, not "the last one wins" (for a
 * record's creator Jackson even failed with a definition error, a 500);</li>
 * <li>an empty or blank string ({@code ""}, {@code "  "}, also a lone control character, which Jackson trims away)
 * for a date, instant, UUID, number, boolean or enum is refused instead of read as null, i.e. as "unchanged" in a
 * PATCH — a field that can be cleared is a string field that says so;</li>
 * <li>a date or instant is ISO-8601 text: not a number (read as epoch days or seconds), not an array, not a date-time
 * for a date (whose time Jackson dropped), and its year is from 0001 to 9999 ({@link DateRules});</li>
 * <li>an enum is one of its names, not its ordinal number; a boolean is {@code true} or {@code false}, not 1 or
 * 0.</li>
 * </ul>
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    private static final Set<Class<?>> DATES = Set.of(LocalDate.class, LocalDateTime.class, Instant.class,
            OffsetDateTime.class, ZonedDateTime.class);

    @Override
    @SuppressWarnings("deprecation") // JsonParser.Feature: the mapper-level switch for the parser feature
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.setDefaultLeniency(false);
        for (LogicalType type : List.of(LogicalType.DateTime, LogicalType.OtherScalar, LogicalType.Integer,
                LogicalType.Float, LogicalType.Boolean, LogicalType.Enum)) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setAcceptBlankAsEmpty(false);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        SimpleModule module = new SimpleModule("tandem-strict-json");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                return DATES.contains(type) ? new IsoDate(deserializer, type) : deserializer;
            }
        });
        mapper.registerModule(module);
    }

    /** A date or instant only from ISO-8601 text, and only within the years {@link DateRules} allows. */
    static final class IsoDate extends DelegatingDeserializer {
        private final Class<?> type;

        IsoDate(JsonDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new IsoDate(delegate, type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return ctxt.handleUnexpectedToken(type, p);
            }
            String text = p.getText();
            Object value = _delegatee.deserialize(p, ctxt);
            if (value != null && !DateRules.inRange(value)) {
                throw InvalidFormatException.from(p, "year outside " + DateRules.MIN_YEAR + ".." + DateRules.MAX_YEAR,
                        text, type);
            }
            return value;
        }
    }
}
