package com.hyperlocal.flashsale.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Freezes a process and all its children with SIGSTOP, as a network partition or a stalled VM
 * would look to its clients (connections stay open, nothing answers), and thaws them with SIGCONT.
 * Only for servers a test started itself.
 */
public final class FrozenProcess implements AutoCloseable {

    private final List<Long> pids;
    private boolean frozen;

    private FrozenProcess(long pid) {
        ProcessHandle root = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        List<Long> all = new ArrayList<>();
        all.add(root.pid());
        root.descendants().forEach(p -> all.add(p.pid()));
        this.pids = List.copyOf(all);
    }

    /** SIGSTOPs {@code pid} (first, so a postmaster cannot start new children) and its descendants. */
    public static FrozenProcess freeze(long pid) {
        FrozenProcess process = new FrozenProcess(pid);
        process.signal("STOP");
        process.frozen = true;
        return process;
    }

    /** The postmaster's pid: the first line of {@code postmaster.pid} in the data folder. */
    public static long postmasterPid(Path dataDir) {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8)
                    .get(0)
                    .trim());
        } catch (IOException e) {
            throw new IllegalStateException("No postmaster.pid in " + dataDir, e);
        }
    }

    public synchronized void thaw() {
        if (frozen) {
            signal("CONT");
            frozen = false;
        }
    }

    @Override
    public void close() {
        thaw();
    }

    private void signal(String signal) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(p -> command.add(Long.toString(p)));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " failed: "
                        + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
