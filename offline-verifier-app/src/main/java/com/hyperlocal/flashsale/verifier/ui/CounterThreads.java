package com.hyperlocal.flashsale.verifier.ui;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Where the counter screen's work runs. Scans (crypto + SQLite) have their own executor so that a
 * slow or unreachable server, whose calls run on {@code network}, never delays the next customer.
 *
 * @param scans   verifying and recording scans, reading the local status
 * @param network key refresh and "Sync now" (each may wait for the HTTP timeout)
 * @param camera  the camera loop
 * @param ui      back onto the UI thread ({@code Platform::runLater}; a direct call in tests)
 * @param timer   returns the result panel to READY
 */
public record CounterThreads(
        Executor scans, Executor network, Executor camera, Consumer<Runnable> ui, ResultTimer timer) {

    public CounterThreads {
        Objects.requireNonNull(scans, "scans");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(ui, "ui");
        Objects.requireNonNull(timer, "timer");
    }

    /** Everything on the calling thread, timers never fire: for tests. */
    public static CounterThreads sameThread(ResultTimer timer) {
        return new CounterThreads(Runnable::run, Runnable::run, Runnable::run, Runnable::run, timer);
    }
}
