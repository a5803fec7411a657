package dev.tandem.platform.text;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Every JSON string read into a request object passes {@link TextRules}: a control character (NUL included) is a
 * 400 naming the field, before any validation annotation or database statement sees the value.
 */
@Singleton
public class SafeTextModule implements ObjectMapperCustomizer {

    /** A string the text rule refuses; the problem mapper names its field. */
    public static final class ControlCharacterException extends MismatchedInputException {
        private final String reason;

        ControlCharacterException(JsonParser parser, String reason) {
            super(parser, reason, String.class);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("tandem-safe-text");
        module.addDeserializer(String.class, new Checked());
        mapper.registerModule(module);
    }

    static final class Checked extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            String problem = value == null ? null : TextRules.problem(value);
            if (problem != null) {
                throw new ControlCharacterException(p, problem);
            }
            return value;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }
}
