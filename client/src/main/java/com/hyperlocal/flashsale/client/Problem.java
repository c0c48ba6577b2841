package com.hyperlocal.flashsale.client;

import java.util.List;

/** An RFC 9457 problem+json body as the server sends it. */
public record Problem(String type, String title, Integer status, String detail, String instance,
                      List<FieldError> errors) {

    static final String TYPE_PREFIX = "urn:flashsale:problem:";

    public record FieldError(String field, String message) {
    }

    /** The short slug of {@code urn:flashsale:problem:<slug>}, or null. */
    public String slug() {
        return type != null && type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : null;
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
