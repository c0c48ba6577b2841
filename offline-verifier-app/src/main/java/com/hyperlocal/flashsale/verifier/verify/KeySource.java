package com.hyperlocal.flashsale.verifier.verify;

import com.hyperlocal.flashsale.crypto.KeyCache;
import com.hyperlocal.flashsale.crypto.VoucherKeyException;
import com.hyperlocal.flashsale.verifier.config.OwnerOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The shared key cache file, re-read whenever it changes on disk, so keys pulled by the merchant
 * CLI ({@code flashdeal keys pull}) while the app runs are used from the next scan on.
 * Thread-safe.
 */
public final class KeySource {

    private final Path file;
    private final Clock clock;
    private @Nullable FileTime loadedStamp;
    private long loadedSize = -1;
    private @Nullable KeyCache cache;
    /** Why there is no cache; set whenever {@code cache} is null after a refresh. */
    private @Nullable String problem;

    private boolean missing;

    public KeySource(Path file, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Path file() {
        return file;
    }

    /** The current cache. */
    public synchronized KeyCache current() throws KeysUnavailableException {
        refreshIfChanged();
        KeyCache loaded = cache;
        if (loaded == null) {
            throw new KeysUnavailableException(Objects.requireNonNull(problem, "a missing cache has a problem"));
        }
        return loaded;
    }

    public synchronized KeyStatus status(Duration maxAge) {
        refreshIfChanged();
        KeyCache loaded = cache;
        if (loaded == null) {
            return new KeyStatus(null, null, true, problem, missing);
        }
        Duration age = loaded.age(clock);
        return new KeyStatus(loaded.fetchedAt(), age, age.compareTo(maxAge) > 0, null, false);
    }

    /** Writes a freshly fetched cache (atomically) and uses it from now on. */
    public synchronized void replace(KeyCache fresh) throws IOException {
        OwnerOnly.directory(OwnerOnly.folderOf(file));
        fresh.save(file);
        loadedStamp = null;
        refreshIfChanged();
    }

    private void refreshIfChanged() {
        try {
            FileTime stamp = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            if (stamp.equals(loadedStamp) && size == loadedSize) {
                return;
            }
            loadedStamp = stamp;
            loadedSize = size;
            cache = KeyCache.load(file);
            problem = null;
            missing = false;
        } catch (NoSuchFileException e) {
            forget(
                    true,
                    "This till has no voucher keys yet. Connect to the internet and press "
                            + "\"Refresh keys\" (or run \"flashdeal keys pull\").");
        } catch (IOException | VoucherKeyException e) {
            forget(
                    false,
                    "The voucher key file " + file + " cannot be used (" + e.getMessage()
                            + "). Press \"Refresh keys\" when online.");
        }
    }

    private void forget(boolean none, String why) {
        missing = none;
        cache = null;
        loadedStamp = null;
        loadedSize = -1;
        problem = why;
    }
}
