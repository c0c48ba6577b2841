package com.hyperlocal.flashsale.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

/**
 * Compares a cached search's answer with the plain SQL search's (which the oracle test proves
 * exact): same deals, same order, every field equal, distances equal but for the last bits that
 * PostgreSQL's libm and Java's may round differently.
 */
final class SameAsSql {

    private SameAsSql() {}

    static void assertSame(List<NearbyDeal> found, List<NearbyDeal> expected) {
        assertThat(found)
                .extracting(NearbyDeal::id)
                .containsExactlyElementsOf(expected.stream().map(NearbyDeal::id).toList());
        for (int i = 0; i < found.size(); i++) {
            assertThat(found.get(i).distanceKm()).isCloseTo(expected.get(i).distanceKm(), within(1e-9));
            assertThat(found.get(i))
                    .usingRecursiveComparison()
                    .ignoringFields("distanceKm", "json")
                    .isEqualTo(expected.get(i));
        }
    }
}
