package com.hyperlocal.flashsale.client;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the clients: tolerant of new server fields, ISO-8601 instants. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            // The server may add fields; an older CLI or till must keep working.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Jackson 3 refuses a missing number by default; a field the server omits reads as 0.
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private Json() {}

    /**
     * Indented, for people, and safe to print on a terminal: JSON escapes C0 controls by nature;
     * DEL, C1 controls and bidirectional overrides/isolates, which JSON lets through raw, are
     * written as {@code \\uXXXX} escapes too (they occur only inside strings, so the JSON stays
     * the same JSON).
     */
    public static String pretty(Object value) {
        return inert(MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value));
    }

    static String inert(String json) {
        StringBuilder sb = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if ((c >= 0x7F && c <= 0x9F) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                if (sb == null) {
                    sb = new StringBuilder(json.length() + 16).append(json, 0, i);
                }
                sb.append(String.format("\\u%04X", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? json : sb.toString();
    }

    /** Compact, for the wire. */
    public static String compact(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JacksonException e) {
            // Jackson's message names Java types; the person reading ours needs none of that.
            throw new ApiException.BadAnswer("the server's answer is not the JSON expected", e);
        }
    }
}
