package com.hyperlocal.flashsale.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SoldOutDealsTest {

    @Test
    void holderHashesDoNotCollideOnSimilarUserIds() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            assertThat(seen.add(SoldOutDeals.hash("user-" + i)))
                    .as("user-%d", i)
                    .isTrue();
        }
        assertThat(seen.add(SoldOutDeals.hash(""))).isTrue();
        assertThat(SoldOutDeals.hash("ана")).isNotEqualTo(SoldOutDeals.hash("ана "));
    }
}
