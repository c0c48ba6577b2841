package com.hyperlocal.flashsale.infra;

import java.util.concurrent.ThreadFactory;

/**
 * The server's background threads: platform daemon threads named for their job, so a thread dump
 * says what each one does and none keeps the JVM alive once the Spring context has closed.
 */
public final class DaemonThreads {

    private DaemonThreads() {}

    /** Every thread named {@code name}: for single-threaded executors. */
    public static ThreadFactory named(String name) {
        return Thread.ofPlatform().daemon().name(name).factory();
    }

    /** Threads named {@code prefix1}, {@code prefix2}, …: for pools. */
    public static ThreadFactory numbered(String prefix) {
        return Thread.ofPlatform().daemon().name(prefix, 1).factory();
    }

    /** Runs {@code task} on a new daemon thread named {@code name}. */
    public static Thread start(String name, Runnable task) {
        return Thread.ofPlatform().daemon().name(name).start(task);
    }
}
