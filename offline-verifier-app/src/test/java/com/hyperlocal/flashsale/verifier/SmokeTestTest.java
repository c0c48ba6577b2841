package com.hyperlocal.flashsale.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SmokeTestTest {

    @Test
    void passesOnlyOnceTheWindowWasShownAndPrintsTheLineScriptsLookFor() {
        SmokeTest run = new SmokeTest();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(run.passed()).isFalse();
        run.windowShown(1180, 680, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(run.passed()).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("verifier window shown: 1180x680%n".formatted());
    }

    @Test
    void aWindowThatNeverShowsEndsTheRunWithNotShownAtTheDeadline() throws Exception {
        CompletableFuture<Integer> exit = new CompletableFuture<>();

        new SmokeTest().watch(Duration.ofMillis(50), exit::complete);

        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(SmokeTest.NOT_SHOWN);
    }

    @Test
    void aShownWindowIsNotEndedByTheWatchdog() {
        SmokeTest run = new SmokeTest();
        List<Integer> exits = new CopyOnWriteArrayList<>();
        run.windowShown(1, 1, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        run.watch(Duration.ofMillis(50), exits::add);

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(exits::isEmpty);
    }

    @Test
    void isRequestedByTheFlagAmongOtherArguments() {
        assertThat(SmokeTest.requested(List.of("--lang=hi", "--smoke-test"))).isTrue();
        assertThat(SmokeTest.requested(List.of("--lang=hi"))).isFalse();
    }
}
