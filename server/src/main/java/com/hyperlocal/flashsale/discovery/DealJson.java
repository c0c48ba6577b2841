package com.hyperlocal.flashsale.discovery;

import java.io.StringWriter;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deal's answer JSON except its distance, encoded once and reused: a cached tile hands the same
 * instance to every search that finds the deal, so the ids, the instants and the escaped title are
 * written once per tile load instead of once per answer (the search answer is ~20 deals of eleven
 * fields; encoding them was most of its cost beyond a trivial request, docs/benchmarks.md).
 *
 * <p>Not part of a deal's value: every instance equals every other, so two answers with the same
 * deals are equal whether or not their encodings exist yet.
 */
final class DealJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** {@code "id":"…",…,"validUntil":"…",} — the object's fields before the distance. */
    private volatile @Nullable String fields; // a compact (one byte a char) string: ~300 bytes a deal

    /** The encoding of {@code deal}'s fields; the first caller encodes (racing callers encode the same text). */
    String fields(NearbyDeal deal) {
        String encoded = fields;
        if (encoded == null) {
            encoded = encode(deal);
            fields = encoded;
        }
        return encoded;
    }

    private static String encode(NearbyDeal deal) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator gen = JSON.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringProperty("id", deal.id().toString());
            gen.writeStringProperty("merchantId", deal.merchantId().toString());
            gen.writeStringProperty("title", deal.title());
            gen.writeStringProperty("description", deal.description());
            gen.writeNumberProperty("latitude", deal.latitude());
            gen.writeNumberProperty("longitude", deal.longitude());
            gen.writeNumberProperty("totalInventory", deal.totalInventory());
            gen.writeNumberProperty("remainingInventory", deal.remainingInventory());
            gen.writeStringProperty("validFrom", deal.validFrom().toString());
            gen.writeStringProperty("validUntil", deal.validUntil().toString());
            gen.writeEndObject();
        }
        String object = out.toString();
        return object.substring(1, object.length() - 1) + ",";
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof DealJson;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "DealJson";
    }
}
