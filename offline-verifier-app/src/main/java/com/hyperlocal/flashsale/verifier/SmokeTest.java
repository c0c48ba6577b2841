package com.hyperlocal.flashsale.verifier;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/**
 * The verdict of {@code --smoke-test}, the check that a built or packaged till really starts: it
 * passes only once the window was on screen, and a start that hangs (an error dialog no one will
 * close, a toolkit that never comes up) fails at a deadline instead of holding up the build or
 * script that runs it.
 */
public final class SmokeTest {

    public static final String FLAG = "--smoke-test";
    /** Exit status of a smoke test whose window was not shown. */
    public static final int NOT_SHOWN = 4;
    /** Generous: the window shows in a few seconds even on a loaded two-core machine. */
    static final Duration DEADLINE = Duration.ofMinutes(2);
    /** The process's run: the exit status is process-wide, and JavaFX creates the app itself. */
    public static final SmokeTest PROCESS = new SmokeTest();

    private final AtomicBoolean shown = new AtomicBoolean();

    public static boolean requested(List<String> args) {
        return args.contains(FLAG);
    }

    /** Prints the line the scripts look for and marks the run passed. */
    public void windowShown(double width, double height, PrintStream out) {
        out.printf("verifier window shown: %.0fx%.0f%n", width, height);
        out.flush();
        shown.set(true);
    }

    public boolean passed() {
        return shown.get();
    }

    /** Calls {@code exit} with {@link #NOT_SHOWN} unless the window is shown within {@code deadline}. */
    public void watch(Duration deadline, IntConsumer exit) {
        Thread watchdog = new Thread(
                () -> {
                    try {
                        Thread.sleep(deadline.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (!passed()) {
                        System.err.println("smoke test: the verifier window was not shown within " + deadline);
                        exit.accept(NOT_SHOWN);
                    }
                },
                "smoke-test-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
