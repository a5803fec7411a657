package dev.tandem.platform.text;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An e-mail address (or, with {@code allowEmpty}, an empty string meaning "none"), checked in one linear pass —
 * never by a regular expression, which on a crafted value (40,000 {@code @}) can backtrack for seconds. The length
 * (at most 254, RFC 5321) is checked first. Accepted: {@code local@domain} with exactly one {@code @}, a local part
 * of 1–64 characters and a domain of dot-separated labels (letters, digits, hyphens; not starting or ending with a
 * hyphen), at least two labels; no spaces or control characters anywhere.
 */
@Documented
@Constraint(validatedBy = EmailAddress.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface EmailAddress {

    int MAX_LENGTH = 254;

    String message() default "must be an e-mail address such as buyer@acme.example";

    boolean allowEmpty() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<EmailAddress, CharSequence> {
        private boolean allowEmpty;

        @Override
        public void initialize(EmailAddress annotation) {
            allowEmpty = annotation.allowEmpty();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null || allowEmpty && value.length() == 0) {
                return true;
            }
            return isEmailAddress(value);
        }

        /** The check itself, for code that validates outside Bean Validation. */
        public static boolean isEmailAddress(CharSequence value) {
            int length = value.length();
            if (length < 3 || length > MAX_LENGTH) {
                return false;
            }
            int at = -1;
            for (int i = 0; i < length; i++) {
                char c = value.charAt(i);
                if (c <= ' ' || c >= 0x7f && c <= 0x9f) {
                    return false;
                }
                if (c == '@') {
                    if (at >= 0) {
                        return false;
                    }
                    at = i;
                }
            }
            if (at < 1 || at > 64 || at == length - 1) {
                return false;
            }
            int labels = 0;
            int labelStart = at + 1;
            for (int i = at + 1; i <= length; i++) {
                char c = i < length ? value.charAt(i) : '.';
                if (c == '.') {
                    int labelLength = i - labelStart;
                    if (labelLength < 1 || labelLength > 63 || value.charAt(labelStart) == '-'
                            || value.charAt(i - 1) == '-') {
                        return false;
                    }
                    labels++;
                    labelStart = i + 1;
                } else if (!(Character.isLetterOrDigit(c) || c == '-')) {
                    return false;
                }
            }
            return labels >= 2;
        }
    }
}
