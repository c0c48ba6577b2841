package com.hyperlocal.flashsale.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.TestApi;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A recorded history of concurrent claims on one deal, and the check of that history against the
 * sequential model of a deal: inventory only goes down, one claim per user, and every answer tells
 * the truth about what the database holds afterwards.
 */
public final class ClaimHistory {

    /** One answered request. {@code type} is the problem slug, or "created". */
    public record Attempt(
            String user,
            long startNanos,
            long endNanos,
            int status,
            String type,
            String claimId,
            boolean mayHaveBeenRecorded,
            String retryAfter,
            String contentType,
            String voucher) {
        public double seconds() {
            return (endNanos - startNanos) / 1e9;
        }
    }

    private final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());

    public List<Attempt> attempts() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    public Attempt claim(TestApi api, UUID deal, String user) {
        long start = System.nanoTime();
        TestApi.Answer answer;
        try {
            answer = api.claim(deal, user);
        } catch (java.io.UncheckedIOException e) {
            // The instance went away mid-request: no answer, so the claim may or may not exist.
            Attempt lost = new Attempt(user, start, System.nanoTime(), 0, "no-answer", null, true, null, null, null);
            attempts.add(lost);
            return lost;
        }
        long end = System.nanoTime();
        JsonNode body = answer.raw().body().isEmpty() ? null : answer.json();
        String type = answer.status() == 201
                ? "created"
                : body != null && body.has("type")
                        ? body.get("type").asString().replace("urn:flashsale:problem:", "")
                        : "none";
        String claimId = answer.status() == 201
                ? body.get("id").asString()
                : body != null && body.has("claimId") ? body.get("claimId").asString() : null;
        boolean may = body != null
                && body.has("mayHaveBeenRecorded")
                && body.get("mayHaveBeenRecorded").asBoolean();
        Attempt attempt = new Attempt(
                user,
                start,
                end,
                answer.status(),
                type,
                claimId,
                may,
                answer.header("Retry-After"),
                answer.contentType(),
                answer.status() == 201 ? body.get("voucher").asString() : null);
        attempts.add(attempt);
        return attempt;
    }

    /**
     * Runs {@code threads} shoppers until {@code stop}: each claims as a fresh user, and after a 503
     * retries as the same user (a retry must be safe) until it gets a final answer.
     */
    public Runnable load(List<TestApi> apis, UUID deal, int threads, AtomicBoolean stop) {
        AtomicInteger users = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            pool.execute(() -> {
                String user = "u-" + users.incrementAndGet();
                int instance = thread;
                while (!stop.get()) {
                    Attempt a = claim(apis.get(instance % apis.size()), deal, user);
                    if (a.status() == 0) {
                        instance++; // that instance is gone: retry the same user on another
                    } else if (a.status() != 503) {
                        user = "u-" + users.incrementAndGet();
                    }
                }
            });
        }
        return () -> {
            pool.shutdown();
            try {
                assertThat(pool.awaitTermination(60, TimeUnit.SECONDS))
                        .as("load stopped")
                        .isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** The attempts overlapping [from, to], as "start→end status type" in seconds from {@code from}. */
    public List<String> timeline(long from, long to) {
        return attempts().stream()
                .filter(a -> a.endNanos() > from && a.startNanos() < to)
                .map(a -> String.format(
                        "%.1f→%.1f %d %s",
                        (a.startNanos() - from) / 1e9, (a.endNanos() - from) / 1e9, a.status(), a.type()))
                .toList();
    }

    /** Checks every answer against the database's final state and the model of the deal. */
    public void check(JdbcClient jdbc, UUID deal, int inventory) {
        Map<String, String> held = new HashMap<>();
        jdbc.sql("SELECT user_id, id FROM claims WHERE deal_id = :d")
                .param("d", deal)
                .query((rs, n) -> held.put(rs.getString(1), rs.getString(2)))
                .list();
        int remaining = jdbc.sql("SELECT remaining_inventory FROM deals WHERE id = :d")
                .param("d", deal)
                .query(Integer.class)
                .single();
        assertThat(held.size()).as("no oversell").isLessThanOrEqualTo(inventory);
        assertThat(remaining).as("inventory accounts for every claim").isEqualTo(inventory - held.size());

        Map<String, List<Attempt>> byUser = new HashMap<>();
        attempts()
                .forEach(a ->
                        byUser.computeIfAbsent(a.user(), u -> new ArrayList<>()).add(a));
        for (Map.Entry<String, List<Attempt>> entry : byUser.entrySet()) {
            String user = entry.getKey();
            String real = held.get(user);
            List<Attempt> answers = entry.getValue();
            assertThat(answers.stream().filter(a -> a.status() == 201).count())
                    .as("one 201 at most for %s", user)
                    .isLessThanOrEqualTo(1);
            boolean unknown = false;
            for (Attempt a : answers) {
                if (a.status() == 0) {
                    unknown = true;
                    continue;
                }
                assertThat(a.contentType())
                        .as("%s", a)
                        .startsWith(a.status() == 201 ? "application/json" : "application/problem+json");
                switch (a.type()) {
                    case "created", "already-claimed" ->
                        assertThat(a.claimId()).as("%s names the real claim", a).isEqualTo(real);
                    case "sold-out" -> {
                        assertThat(real)
                                .as("%s: a sold-out answer means the user holds nothing", a)
                                .isNull();
                        assertThat(held)
                                .as("sold out means all inventory is claimed")
                                .hasSize(inventory);
                    }
                    case "claim-outcome-unknown" -> {
                        assertThat(a.mayHaveBeenRecorded()).isTrue();
                        unknown = true;
                    }
                    case "dependency-unavailable", "lock-busy" ->
                        assertThat(a.mayHaveBeenRecorded()).isFalse();
                    default -> throw new AssertionError("unexpected answer " + a);
                }
                if (a.status() == 503) {
                    assertThat(a.retryAfter()).as("%s", a).isNotNull();
                }
            }
            boolean told =
                    answers.stream().anyMatch(a -> a.status() == 201 || a.type().equals("already-claimed"));
            if (real != null && !told) {
                assertThat(unknown)
                        .as("%s holds %s though every answer said nothing was written", user, real)
                        .isTrue();
            }
        }
    }
}
