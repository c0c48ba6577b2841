package com.hyperlocal.flashsale.cli;

import java.util.UUID;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses deal and voucher ids with a plain message (the JDK's names its exception class). */
public final class Ids implements ITypeConverter<UUID> {

    @Override
    public UUID convert(String value) {
        return parse(value)
                .orElseThrow(() -> new TypeConversionException(
                        "'" + value + "' is not an id (ids look like 3f6c1a52-8e0b-4c1d-9a57-2b6e4d8f1c03)"));
    }

    /** The id, or empty when {@code value} is not the 36-character form. */
    public static java.util.Optional<UUID> parse(String value) {
        String v = value == null ? "" : value.strip();
        if (!v.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(UUID.fromString(v));
    }
}
