package com.hyperlocal.flashsale.client;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 9457 problem+json body as the server sends it. {@code dealId}: the deal the problem is
 * about, where the server names one (an Idempotency-Key that already made another deal).
 */
public record Problem(
        @Nullable String type,
        @Nullable String title,
        @Nullable Integer status,
        @Nullable String detail,
        @Nullable String instance,
        @Nullable List<FieldError> errors,
        @Nullable UUID dealId) {

    static final String TYPE_PREFIX = "urn:flashsale:problem:";

    public record FieldError(
            @Nullable String field, @Nullable String message) {}

    /** The short slug of {@code urn:flashsale:problem:<slug>}; empty for any other type. */
    public Optional<String> slug() {
        return type != null && type.startsWith(TYPE_PREFIX)
                ? Optional.of(type.substring(TYPE_PREFIX.length()))
                : Optional.empty();
    }

    /** detail (or title), then every field error: one line for a person. */
    public String oneLine() {
        StringBuilder sb = new StringBuilder();
        sb.append(detail != null && !detail.isBlank() ? detail : title != null ? title : "");
        if (errors != null && !errors.isEmpty()) {
            StringBuilder fields = new StringBuilder();
            for (FieldError e : errors) {
                if (fields.length() > 0) {
                    fields.append("; ");
                }
                fields.append(e.field()).append(": ").append(e.message());
            }
            // The detail often already lists them; don't say it twice.
            if (!sb.toString().contains(fields)) {
                sb.append(sb.length() > 0 ? " (" : "(").append(fields).append(')');
            }
        }
        return sb.toString().replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
