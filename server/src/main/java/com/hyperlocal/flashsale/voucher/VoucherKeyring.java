package com.hyperlocal.flashsale.voucher;

import com.hyperlocal.flashsale.crypto.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.hyperlocal.flashsale.crypto.VoucherKeyException;
import com.hyperlocal.flashsale.crypto.VoucherSigner;
import com.hyperlocal.flashsale.crypto.VoucherSigningKey;
import com.hyperlocal.flashsale.crypto.VoucherVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The server's voucher signing keys: which one signs new vouchers, and which public keys the JWKS
 * publishes.
 *
 * <p><b>Sources.</b> If {@code flashsale.vouchers.keys-file} is set (production), keys are read from
 * that JWK set file: every entry must be a private EC P-256 key with a {@code kid}; the <b>first</b>
 * entry is the active signer and every later one is retired (still published while its vouchers
 * may be unexpired). The server never writes that file: rotate by putting a new key at the top and
 * restarting. Otherwise keys live in {@code flashsale.vouchers.key-dir}, one private JWK per file
 * named {@code <kid>.jwk.json}, owner-only ({@code rw-------}, folder {@code rwx------}), written
 * atomically; the first start generates one, and {@link #rotate()} adds more.
 *
 * <p><b>Rotation.</b> Creation and retirement times are kept in table {@code voucher_keys}. A new
 * key signs every voucher from the moment it exists and appears in the JWKS at the same moment.
 * An older key stays published while it is not retired, for {@link #RETIRED_KEY_GRACE} after
 * retirement (covers claim batches that signed with it just before the switch and commit just
 * after), and while the latest {@code exp} of any voucher it signed, plus the verifiers' clock
 * skew, lies in the future — derived from {@code claims.voucher_expires_at}, so it is exact.
 * In key-dir mode a key older than {@code rotate-after} is replaced at startup and by an hourly check.
 *
 * <p>Private keys are never logged, served or put in a message; {@link #toString()} names kids only.
 * Thread-safe: the key state is one immutable snapshot swapped under a lock.
 */
@Component
@DependsOnDatabaseInitialization
class VoucherKeyring {

    /** How long a retired key stays published even if it signed nothing that is still valid. */
    static final Duration RETIRED_KEY_GRACE = Duration.ofHours(1);
    static final String KEY_FILE_SUFFIX = ".jwk.json";

    private static final Logger log = LoggerFactory.getLogger(VoucherKeyring.class);
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One key with its bookkeeping; {@code retiredAt} null = may sign. */
    record Entry(VoucherSigningKey key, Instant createdAt, Instant retiredAt) {
        String kid() {
            return key.kid();
        }

        Entry retired(Instant at) {
            return new Entry(key, createdAt, at);
        }
    }

    /** Immutable snapshot; {@code keys} newest first, {@code active} among them. */
    private record State(Entry active, VoucherSigner signer, Map<String, Entry> keys) {
        State(Entry active, Map<String, Entry> keys) {
            this(active, new VoucherSigner(active.key()), keys);
        }
    }

    private final VoucherProperties properties;
    private final VoucherKeyStore store;
    private final Clock clock;
    private final Object rotation = new Object();
    private volatile State state;

    VoucherKeyring(VoucherProperties properties, VoucherKeyStore store, Clock clock) {
        this.properties = properties;
        this.store = store;
        this.clock = clock;
        synchronized (rotation) {
            this.state = properties.keysFile() != null ? loadKeysFile(properties.keysFile()) : loadKeyDir();
        }
        log.info("Voucher signing key {} active; {} key(s) from {}", state.active().kid(), state.keys().size(),
                source());
    }

    /** The signer for new vouchers. */
    VoucherSigner activeSigner() {
        return state.signer();
    }

    String activeKid() {
        return state.active().kid();
    }

    /** Every loaded key, newest first (bookkeeping only; the entries' toString shows no key material). */
    List<Entry> entries() {
        return List.copyOf(state.keys().values());
    }

    /** The public JWKs to publish now: see the class comment for the rule. Active key first. */
    List<ECKey> publishedKeys() {
        State current = state;
        Instant now = clock.instant();
        List<ECKey> published = new ArrayList<>();
        for (Entry e : current.keys().values()) {
            if (e == current.active() || e.retiredAt() == null || now.isBefore(e.retiredAt().plus(RETIRED_KEY_GRACE))
                    || store.maxExpiry(e.kid())
                            .map(exp -> now.isBefore(exp.plus(VoucherVerifier.DEFAULT_CLOCK_SKEW)))
                            .orElse(false)) {
                published.add(e.key().publicJwk());
            }
        }
        return published;
    }

    /**
     * Generates a new key, stores it, makes it the active signer and retires the previous one.
     * Only in key-dir mode; with a keys file the operator rotates by editing that file.
     *
     * @return the new key's kid
     */
    String rotate() {
        synchronized (rotation) {
            state = rotated(state);
            return state.active().kid();
        }
    }

    /** Rotates if the active key is older than {@code rotate-after}; true if it did. */
    boolean rotateIfDue() {
        synchronized (rotation) {
            if (!due(state.active())) {
                return false;
            }
            if (properties.keysFile() != null) {
                log.warn("Voucher signing key {} is older than {}; put a new key at the top of {} and restart",
                        state.active().kid(), properties.rotateAfter(), properties.keysFile());
                return false;
            }
            state = rotated(state);
            return true;
        }
    }

    @Scheduled(initialDelayString = "PT1H", fixedDelayString = "PT1H")
    void scheduledRotation() {
        try {
            rotateIfDue();
        } catch (RuntimeException e) {
            log.warn("Scheduled voucher key rotation failed, will retry: {}", e.toString());
        }
    }

    private boolean due(Entry active) {
        return !clock.instant().isBefore(active.createdAt().plus(properties.rotateAfter()));
    }

    private String source() {
        return properties.keysFile() != null ? "keys file " + properties.keysFile()
                : "key folder " + properties.keyDir().toAbsolutePath();
    }

    // ---- keys file (production) ----

    private State loadKeysFile(Path file) {
        warnIfNotOwnerOnly(file);
        List<VoucherSigningKey> keys = new ArrayList<>();
        JWKSet set;
        try {
            set = JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read voucher keys file " + file + ": " + e.getClass().getSimpleName());
        } catch (ParseException | RuntimeException e) {
            // No cause and no parser message: either could quote key material.
            throw new IllegalStateException("Voucher keys file " + file + " is not a JWK set");
        }
        for (JWK jwk : set.getKeys()) {
            try {
                keys.add(VoucherSigningKey.fromJwk(jwk.toJSONString()));
            } catch (VoucherKeyException e) {
                throw new IllegalStateException("Voucher keys file " + file + ", key '" + jwk.getKeyID() + "': "
                        + e.getMessage());
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("Voucher keys file " + file + " holds no keys");
        }
        Instant now = clock.instant();
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (VoucherSigningKey key : keys) {
            if (entries.containsKey(key.kid())) {
                throw new IllegalStateException("Voucher keys file " + file + " has kid '" + key.kid() + "' twice");
            }
            VoucherKeyStore.KeyRecord record = store.register(key.kid(), key.publicJwkJson(), now);
            Instant retiredAt = record.retiredAt();
            if (entries.isEmpty()) { // the first key signs
                if (retiredAt != null) {
                    store.unretire(key.kid());
                    retiredAt = null;
                }
            } else if (retiredAt == null) {
                store.retire(key.kid(), now);
                retiredAt = now;
            }
            entries.put(key.kid(), new Entry(key, record.createdAt(), retiredAt));
        }
        State loaded = new State(entries.values().iterator().next(), entries);
        if (due(loaded.active())) {
            log.warn("Voucher signing key {} is older than {}; put a new key at the top of {} and restart",
                    loaded.active().kid(), properties.rotateAfter(), file);
        }
        return loaded;
    }

    // ---- key folder (embedded / development) ----

    private State loadKeyDir() {
        Path dir = keyDir();
        List<Entry> entries = new ArrayList<>();
        Instant now = clock.instant();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + KEY_FILE_SUFFIX)) {
            for (Path file : files) {
                warnIfNotOwnerOnly(file);
                VoucherSigningKey key = readKeyFile(file);
                VoucherKeyStore.KeyRecord record = store.register(key.kid(), key.publicJwkJson(), now);
                entries.add(new Entry(key, record.createdAt(), record.retiredAt()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list voucher key folder " + dir, e);
        }
        entries.sort(Comparator.comparing(Entry::createdAt).reversed());
        Map<String, Entry> byKid = new LinkedHashMap<>();
        Entry active = null;
        for (Entry e : entries) {
            if (e.retiredAt() == null && active == null) {
                active = e;
            } else if (e.retiredAt() == null) { // only one key signs: retire stragglers
                store.retire(e.kid(), now);
                e = e.retired(now);
            }
            byKid.put(e.kid(), e);
        }
        if (active == null) {
            return rotated(new State(null, null, byKid));
        }
        State loaded = new State(active, byKid);
        return due(active) ? rotated(loaded) : loaded;
    }

    private State rotated(State current) {
        if (properties.keysFile() != null) {
            throw new IllegalStateException("Voucher keys come from " + properties.keysFile()
                    + "; rotate by putting a new key at the top of that file and restarting");
        }
        Instant now = clock.instant();
        VoucherSigningKey key = VoucherSigningKey.generate(newKid(now));
        writeKeyFile(keyDir(), key);
        VoucherKeyStore.KeyRecord record = store.register(key.kid(), key.publicJwkJson(), now);
        Entry fresh = new Entry(key, record.createdAt(), null);
        Map<String, Entry> keys = new LinkedHashMap<>();
        keys.put(fresh.kid(), fresh);
        for (Entry e : current.keys().values()) {
            if (e.retiredAt() == null) {
                store.retire(e.kid(), now);
                e = e.retired(now);
            }
            keys.put(e.kid(), e);
        }
        log.info("Voucher signing key {} generated; it signs new vouchers from now on{}", fresh.kid(),
                current.active() != null ? " (retired " + current.active().kid() + ")" : "");
        return new State(fresh, keys);
    }

    static String newKid(Instant now) {
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        return "v-" + LocalDate.ofInstant(now, ZoneOffset.UTC) + "-" + HexFormat.of().formatHex(random);
    }

    private Path keyDir() {
        Path dir = properties.keyDir().toAbsolutePath();
        try {
            if (!Files.isDirectory(dir) && posix(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            } else if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
            }
            if (posix(dir)) {
                Files.setPosixFilePermissions(dir, OWNER_DIR);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create voucher key folder " + dir, e);
        }
    }

    private static VoucherSigningKey readKeyFile(Path file) {
        VoucherSigningKey key;
        try {
            key = VoucherSigningKey.fromJwk(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read voucher key file " + file, e);
        } catch (VoucherKeyException e) { // its messages never contain key material
            throw new IllegalStateException("Voucher key file " + file + " is unusable: " + e.getMessage());
        }
        if (!file.getFileName().toString().equals(key.kid() + KEY_FILE_SUFFIX)) {
            throw new IllegalStateException("Voucher key file " + file + " holds kid '" + key.kid()
                    + "'; it must be named " + key.kid() + KEY_FILE_SUFFIX);
        }
        return key;
    }

    /** Owner-only from the first byte, fsynced, then renamed over the target in one step. */
    private static void writeKeyFile(Path dir, VoucherSigningKey key) {
        Path target = dir.resolve(key.kid() + KEY_FILE_SUFFIX);
        try {
            AtomicFiles.writeOwnerOnly(target, key.toJwkJson());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write voucher key file " + target, e);
        }
    }

    private static void warnIfNotOwnerOnly(Path file) {
        try {
            if (posix(file) && Files.getPosixFilePermissions(file).stream().anyMatch(p -> p.name().startsWith("GROUP")
                    || p.name().startsWith("OTHERS"))) {
                log.warn("Voucher key file {} is accessible to other users; chmod 600 it", file);
            }
        } catch (IOException e) {
            log.warn("Cannot check the permissions of voucher key file {}: {}", file, e.getClass().getSimpleName());
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public String toString() {
        State current = state;
        return "VoucherKeyring[active=" + (current != null ? current.active().kid() : null) + ", kids="
                + (current != null ? current.keys().keySet() : List.of()) + ", source=" + source() + "]";
    }
}
