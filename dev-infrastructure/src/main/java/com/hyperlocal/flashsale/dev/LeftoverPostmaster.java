package com.hyperlocal.flashsale.dev;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A server that was killed hard can leave its embedded PostgreSQL running on the data folder, and
 * a new one would then wait for a port that never opens. This finds such a postmaster by its pid
 * file and asks it to shut down fast (SIGINT), so the next start succeeds.
 */
final class LeftoverPostmaster {

    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private LeftoverPostmaster() {}

    /** @return true if a running postmaster was found and stopped */
    static boolean stopIfRunning(Path dataDir) {
        Optional<ProcessHandle> postmaster = find(dataDir);
        if (postmaster.isEmpty()) {
            return false;
        }
        ProcessHandle handle = postmaster.get();
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(handle.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
            handle.onExit().get(STOP_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            throw new IllegalStateException(
                    "A PostgreSQL left over from an earlier run (pid " + handle.pid() + ") holds " + dataDir
                            + " and did not stop; stop it and start again",
                    e);
        }
    }

    private static Optional<ProcessHandle> find(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p ->
                            p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable or stale: PostgreSQL itself copes with a stale pid file
        }
    }
}
