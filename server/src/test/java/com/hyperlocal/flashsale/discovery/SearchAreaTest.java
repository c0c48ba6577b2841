package com.hyperlocal.flashsale.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The index prefilter boxes never lose a point of the search circle, on every part of the globe. */
class SearchAreaTest {

    private static final double R = Haversine.EARTH_RADIUS_KM;

    @Test
    void everyPointInsideTheCircleIsInsideOneOfTheBoxes() {
        Random random = new Random(20240611L);
        int checked = 0;
        for (int c = 0; c < 10_000; c++) {
            double lat = centreLatitude(random);
            double lng = centreLongitude(random);
            double radius = 100 * (1 - random.nextDouble()); // (0, 100]
            List<LngLatBox> boxes = SearchArea.around(lat, lng, radius);
            assertWellFormed(boxes);
            for (int p = 0; p < 50; p++) {
                // Half the points on the rim (hardest for the box edges), half anywhere inside.
                double distance = p % 2 == 0 ? radius * (1 - 1e-12) : radius * Math.sqrt(random.nextDouble());
                double[] point = destination(lat, lng, random.nextDouble() * 360, distance);
                if (Haversine.distanceKm(lat, lng, point[0], point[1]) > radius) {
                    continue; // rounding put it just outside; the circle does not need it
                }
                checked++;
                assertThat(boxes.stream().anyMatch(b -> contains(b, point[0], point[1])))
                        .as(
                                "point %s,%s at %.9f km from centre %s,%s (r=%s) in %s",
                                point[0],
                                point[1],
                                Haversine.distanceKm(lat, lng, point[0], point[1]),
                                lat,
                                lng,
                                radius,
                                boxes)
                        .isTrue();
            }
        }
        assertThat(checked).isGreaterThan(450_000);
    }

    @Test
    void theEasternAndWesternmostPointsOfTheCircleLieOnTheBoxEdges() {
        // The boxes are exact, not just big enough: the tangent meridians touch the circle.
        for (double lat : new double[] {0, 30, -45, 60, 80, -88}) {
            double radius = 75;
            LngLatBox box = SearchArea.around(lat, 10, radius).get(0);
            double east = Double.NEGATIVE_INFINITY;
            for (int i = 0; i <= 200_000; i++) {
                east = Math.max(east, destination(lat, 10, 360.0 * i / 200_000, radius)[1]);
            }
            assertThat(box.maxLng()).as("lat %s", lat).isCloseTo(east, within(1e-6));
            assertThat(box.maxLng() - 10).isCloseTo(10 - box.minLng(), within(1e-12));
        }
    }

    @Test
    void aCircleAtTheEquatorSpansTheAngularRadiusInBothDirections() {
        double radius = 100;
        double angularDeg = Math.toDegrees(radius / R); // ≈ 0.8993°
        List<LngLatBox> boxes = SearchArea.around(0, 25, radius);
        assertThat(boxes).hasSize(1);
        LngLatBox box = boxes.get(0);
        assertThat(box.maxLng() - box.minLng()).isCloseTo(2 * angularDeg, within(1e-8));
        assertThat(box.maxLat() - box.minLat()).isCloseTo(2 * angularDeg, within(1e-8));
        assertThat(box.minLng()).isCloseTo(25 - angularDeg, within(1e-8));
        assertThat(box.minLat()).isCloseTo(-angularDeg, within(1e-8));
        assertThat(angularDeg).isCloseTo(0.89932, within(1e-5));
    }

    @Test
    void atLatitude60TheBoxIsTwiceAsWideInDegreesAsItIsTall() {
        LngLatBox box = SearchArea.around(60, 0, 10).get(0);
        double height = box.maxLat() - box.minLat();
        double width = box.maxLng() - box.minLng();
        // asin(sin r / cos 60°) ≈ 2r for a small r.
        assertThat(width / height).isCloseTo(2, within(1e-4));
    }

    @Test
    void aCircleAcrossTheAntimeridianIsSplitIntoTwoBoxesThatMeetAtPlusMinus180() {
        for (double lng : new double[] {179.9, -179.9, 180, -180}) {
            List<LngLatBox> boxes = SearchArea.around(0, lng, 50);
            assertWellFormed(boxes);
            assertThat(boxes).as("lng %s", lng).hasSize(2);
            LngLatBox east =
                    boxes.stream().filter(b -> b.maxLng() == 180).findFirst().orElseThrow();
            LngLatBox west =
                    boxes.stream().filter(b -> b.minLng() == -180).findFirst().orElseThrow();
            double total = (east.maxLng() - east.minLng()) + (west.maxLng() - west.minLng());
            assertThat(total).isCloseTo(2 * Math.toDegrees(50 / R), within(1e-8));
            assertThat(east.minLat()).isEqualTo(west.minLat());
            assertThat(east.maxLat()).isEqualTo(west.maxLat());
        }
        // 179.9 + 0.45° reaches 180.35: the west box ends at -179.65.
        List<LngLatBox> boxes = SearchArea.around(0, 179.9, 50);
        LngLatBox west =
                boxes.stream().filter(b -> b.minLng() == -180).findFirst().orElseThrow();
        assertThat(west.maxLng()).isCloseTo(179.9 + Math.toDegrees(50 / R) - 360, within(1e-8));
    }

    @Test
    void aCircleAwayFromTheAntimeridianIsOneBox() {
        assertThat(SearchArea.around(0, 179.0, 50)).hasSize(1);
        assertThat(SearchArea.around(45, -170, 100)).hasSize(1);
    }

    @Test
    void aCircleContainingAPoleCoversEveryLongitudeUpToThePole() {
        List<LngLatBox> north = SearchArea.around(89.5, 10, 60); // pole 55.6 km away
        assertThat(north).containsExactly(new LngLatBox(-180, north.get(0).minLat(), 180, 90));
        assertThat(north.get(0).minLat()).isCloseTo(89.5 - Math.toDegrees(60 / R), within(1e-8));

        List<LngLatBox> south = SearchArea.around(-89.99, -123, 5);
        assertThat(south)
                .containsExactly(new LngLatBox(-180, -90, 180, south.get(0).maxLat()));

        List<LngLatBox> atPole = SearchArea.around(90, 0, 1);
        assertThat(atPole).hasSize(1);
        assertThat(atPole.get(0).minLng()).isEqualTo(-180);
        assertThat(atPole.get(0).maxLng()).isEqualTo(180);
    }

    @Test
    void nearButNotContainingAPoleTheBoxStillCoversTheWholeCircle() {
        // 89° N, 100 km: the pole is 111 km away, so not inside; the circle spans ~±57° of longitude.
        List<LngLatBox> boxes = SearchArea.around(89, 0, 100);
        assertWellFormed(boxes);
        assertThat(boxes).hasSize(1);
        assertThat(boxes.get(0).maxLat()).isLessThan(90);
        assertThat(boxes.get(0).maxLng()).isBetween(50.0, 65.0);
    }

    private static double centreLatitude(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> 89 + random.nextDouble(); // around the north pole
            case 1 -> -89 - random.nextDouble(); // around the south pole
            default -> Math.toDegrees(Math.asin(2 * random.nextDouble() - 1)); // uniform on the sphere
        };
    }

    private static double centreLongitude(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> 179 + random.nextDouble(); // just west of the antimeridian
            case 1 -> -179 - random.nextDouble(); // just east of it
            default -> 360 * random.nextDouble() - 180;
        };
    }

    private static void assertWellFormed(List<LngLatBox> boxes) {
        assertThat(boxes).isNotEmpty().hasSizeLessThanOrEqualTo(2);
        for (LngLatBox b : boxes) {
            assertThat(b.minLng()).isBetween(-180.0, 180.0);
            assertThat(b.maxLng()).isBetween(-180.0, 180.0);
            assertThat(b.minLat()).isBetween(-90.0, 90.0);
            assertThat(b.maxLat()).isBetween(-90.0, 90.0);
            assertThat(b.minLng()).isLessThanOrEqualTo(b.maxLng());
            assertThat(b.minLat()).isLessThanOrEqualTo(b.maxLat());
        }
    }

    private static boolean contains(LngLatBox b, double lat, double lng) {
        return lng >= b.minLng() && lng <= b.maxLng() && lat >= b.minLat() && lat <= b.maxLat();
    }

    /** The point {@code distanceKm} from the start along the initial bearing, longitude in [-180, 180]. */
    static double[] destination(double lat, double lng, double bearingDeg, double distanceKm) {
        double d = distanceKm / R;
        double phi1 = Math.toRadians(lat);
        double theta = Math.toRadians(bearingDeg);
        double sinPhi2 = Math.sin(phi1) * Math.cos(d) + Math.cos(phi1) * Math.sin(d) * Math.cos(theta);
        double phi2 = Math.asin(Math.max(-1, Math.min(1, sinPhi2)));
        double lambda = Math.toRadians(lng)
                + Math.atan2(
                        Math.sin(theta) * Math.sin(d) * Math.cos(phi1), Math.cos(d) - Math.sin(phi1) * Math.sin(phi2));
        double lng2 = Math.toDegrees(lambda);
        lng2 = ((lng2 + 540) % 360) - 180;
        return new double[] {Math.toDegrees(phi2), lng2};
    }
}
