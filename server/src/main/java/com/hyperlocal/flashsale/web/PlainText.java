package com.hyperlocal.flashsale.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text that is shown to people, in terminals too: no control characters other than line feed and
 * tab (C0 including NUL and CR, DEL, C1), no bidirectional overrides or isolates (U+202A–U+202E,
 * U+2066–U+2069). A title carrying {@code ESC [2J} or an OSC sequence would otherwise act on the
 * terminal of whoever lists it. Implies {@link StorableText}; lengths stay with {@code @Size}.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({
    ElementType.FIELD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.TYPE_USE,
    ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default
            "must not contain control characters (other than line feed and tab) or bidirectional overrides";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            for (int i = 0; i < value.length(); i++) {
                if (refused(value.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        static boolean refused(char c) {
            if (c == '\n' || c == '\t') {
                return false;
            }
            return c < 0x20
                    || (c >= 0x7F && c <= 0x9F)
                    || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069');
        }
    }
}
