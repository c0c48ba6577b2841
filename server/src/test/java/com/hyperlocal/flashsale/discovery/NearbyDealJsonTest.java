package com.hyperlocal.flashsale.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class NearbyDealJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private static NearbyDeal deal(String title, double distanceKm, DealJson encoding) {
        return new NearbyDeal(
                UUID.fromString("0b6f4a52-1c2d-4e5f-8a9b-0c1d2e3f4a5b"),
                UUID.fromString("f0e1d2c3-b4a5-4968-8776-655443322110"),
                title,
                "line one\nline two \u0001 \\ \"",
                -33.868820,
                151.209296,
                100,
                7,
                Instant.parse("2026-12-04T18:00:00Z"),
                Instant.parse("2026-12-04T20:30:00.123456Z"),
                distanceKm,
                encoding);
    }

    /** What Jackson writes for the record's eleven fields, in their order, without a custom serializer. */
    private String plain(NearbyDeal d) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", d.id());
        fields.put("merchantId", d.merchantId());
        fields.put("title", d.title());
        fields.put("description", d.description());
        fields.put("latitude", d.latitude());
        fields.put("longitude", d.longitude());
        fields.put("totalInventory", d.totalInventory());
        fields.put("remainingInventory", d.remainingInventory());
        fields.put("validFrom", d.validFrom());
        fields.put("validUntil", d.validUntil());
        fields.put("distanceKm", d.distanceKm());
        return json.writeValueAsString(fields);
    }

    @Test
    void aFoundDealIsWrittenExactlyAsJacksonWritesItsElevenFields() {
        NearbyDeal d = deal("Ünïcødé 🍞 \"half price\" <b>", 0.123456789012, new DealJson());
        assertThat(json.writeValueAsString(d)).isEqualTo(plain(d)).doesNotContain("json");
    }

    @Test
    void anEncodingReusedByLaterSearchesKeepsTheFieldsAndWritesEachSearchsOwnDistance() {
        DealJson shared = new DealJson(); // as a cached tile hands it to every search finding the deal
        NearbyDeal first = deal("Bread", 1.5, shared);
        NearbyDeal later = deal("Bread", 4.0000000001, shared);
        String firstAnswer = json.writeValueAsString(List.of(first, deal("Other", 2.25, new DealJson())));
        String laterAnswer = json.writeValueAsString(List.of(later, first));

        assertThat(firstAnswer).isEqualTo("[" + plain(first) + "," + plain(deal("Other", 2.25, new DealJson())) + "]");
        assertThat(laterAnswer).isEqualTo("[" + plain(later) + "," + plain(first) + "]");
        assertThat(shared.fields(later)).isSameAs(shared.fields(first));
    }

    @Test
    void theEncodingIsNotPartOfTheDealsValue() {
        DealJson used = new DealJson();
        used.fields(deal("Bread", 1, used));
        assertThat(deal("Bread", 1, used)).isEqualTo(deal("Bread", 1, new DealJson()));
    }
}
