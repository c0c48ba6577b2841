package com.hyperlocal.flashsale.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tile grid partitions the map exactly, edges included, and a ring's tiles hold every point of its boxes. */
class TileGridTest {

    private final TileGrid grid = new TileGrid(0.005);

    @Test
    void everyValueOnOrNextToAnEdgeLiesInExactlyTheCellItIsAssignedTo() {
        for (int i = -36_001; i <= 36_001; i++) {
            double edge = grid.lower(i);
            for (double v : new double[] {edge, Math.nextUp(edge), Math.nextDown(edge)}) {
                int cell = grid.index(v);
                assertThat(grid.lower(cell)).as("%s", v).isLessThanOrEqualTo(v);
                assertThat(grid.upper(cell)).as("%s", v).isGreaterThan(v);
            }
        }
    }

    @Test
    void theCellsOfARingCoverEveryPointOfItsBoxes() {
        Random random = new Random(3);
        for (int i = 0; i < 2_000; i++) {
            double lat = 180 * random.nextDouble() - 90;
            double lng = 360 * random.nextDouble() - 180;
            List<LngLatBox> boxes = SearchArea.around(lat, lng, 0.25);
            long[] keys = grid.keys(boxes).toArray();
            assertThat(keys).doesNotHaveDuplicates();
            assertThat((long) keys.length).isLessThanOrEqualTo(grid.count(boxes));
            for (LngLatBox b : boxes) {
                for (double[] corner : new double[][] {
                    {b.minLat(), b.minLng()},
                    {b.minLat(), b.maxLng()},
                    {b.maxLat(), b.minLng()},
                    {b.maxLat(), b.maxLng()}
                }) {
                    assertThat(keys).contains(grid.keyOf(corner[0], corner[1]));
                }
            }
        }
    }

    @Test
    void keysRoundTripNegativeRowsAndColumns() {
        for (int[] rc : new int[][] {{-18_000, -36_000}, {-1, -1}, {0, 0}, {18_000, 36_000}, {-5, 7}}) {
            long key = TileGrid.key(rc[0], rc[1]);
            assertThat(TileGrid.row(key)).isEqualTo(rc[0]);
            assertThat(TileGrid.col(key)).isEqualTo(rc[1]);
        }
    }
}
