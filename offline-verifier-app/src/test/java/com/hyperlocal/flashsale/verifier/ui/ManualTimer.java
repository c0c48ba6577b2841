package com.hyperlocal.flashsale.verifier.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link ResultTimer} whose time only passes when the test says so. */
final class ManualTimer implements ResultTimer {

    private record Pending(Duration due, Runnable action) {}

    private final List<Pending> pending = new ArrayList<>();
    private Duration now = Duration.ZERO;
    final List<Duration> requested = new ArrayList<>();

    @Override
    public synchronized Runnable schedule(Duration after, Runnable action) {
        requested.add(after);
        Pending p = new Pending(now.plus(after), action);
        pending.add(p);
        return () -> {
            synchronized (this) {
                pending.remove(p);
            }
        };
    }

    /** Lets {@code d} pass, running what fell due, in order. */
    void advance(Duration d) {
        List<Pending> due;
        synchronized (this) {
            now = now.plus(d);
            due = pending.stream().filter(p -> p.due().compareTo(now) <= 0).toList();
            pending.removeAll(due);
        }
        due.forEach(p -> p.action().run());
    }
}
