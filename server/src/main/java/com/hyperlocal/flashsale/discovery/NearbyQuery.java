package com.hyperlocal.flashsale.discovery;

import com.hyperlocal.flashsale.web.FieldProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * The nearby search as asked. Checked here rather than by Bean Validation on a bound record: Spring's
 * record binding re-reads the constructor's annotations on every request, a large share of a
 * search's CPU (docs/benchmarks.md, findings).
 */
record NearbyQuery(double lat, double lng, double radiusKm, Integer limit) {

    /** Every problem with the query, each naming its parameter; empty when it can be run. */
    List<FieldProblem> problems(DiscoveryProperties rules) {
        List<FieldProblem> problems = new ArrayList<>();
        within(problems, "lat", lat, -90, 90);
        within(problems, "lng", lng, -180, 180);
        if (!Double.isFinite(radiusKm)) {
            problems.add(new FieldProblem("radiusKm", "must be a finite number"));
        } else if (radiusKm <= 0) {
            problems.add(new FieldProblem("radiusKm", "must be greater than 0"));
        } else if (radiusKm > rules.maxRadiusKm()) {
            problems.add(new FieldProblem("radiusKm", "must be at most " + rules.maxRadiusKm() + " km"));
        }
        if (limit != null && (limit < 1 || limit > rules.maxLimit())) {
            problems.add(new FieldProblem("limit", "must be between 1 and " + rules.maxLimit()));
        }
        return problems;
    }

    private static void within(List<FieldProblem> problems, String field, double value, double min, double max) {
        if (!Double.isFinite(value)) {
            problems.add(new FieldProblem(field, "must be a finite number"));
        } else if (value < min || value > max) {
            problems.add(new FieldProblem(field, "must be between " + (int) min + " and " + (int) max));
        }
    }
}
