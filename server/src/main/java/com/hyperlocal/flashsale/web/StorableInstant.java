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
import java.time.Instant;

/**
 * An instant PostgreSQL's {@code timestamptz} can store and every client can print: years 1 to
 * 9999 (PostgreSQL itself stops at 294276 AD, and Java's {@code Instant} goes far beyond, so a
 * JSON date such as {@code +300000-01-01T00:00:00Z} parses but cannot be written).
 */
@Documented
@Constraint(validatedBy = StorableInstant.Validator.class)
@Target({
    ElementType.FIELD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.TYPE_USE,
    ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
public @interface StorableInstant {

    Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

    String message() default "must be between the years 1 and 9999";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<StorableInstant, Instant> {
        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || (!value.isBefore(MIN) && !value.isAfter(MAX));
        }
    }
}
