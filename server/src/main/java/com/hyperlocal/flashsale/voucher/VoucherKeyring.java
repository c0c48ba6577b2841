package com.hyperlocal.flashsale.voucher;

import com.hyperlocal.flashsale.crypto.VoucherSigner;
import com.hyperlocal.flashsale.crypto.VoucherSigningKey;
import com.hyperlocal.flashsale.crypto.VoucherVerifier;
import com.nimbusds.jose.jwk.ECKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The server's voucher signing keys: which one signs now ({@link KeySchedule}) and which public
 * keys the JWKS shows ({@link PublishedKeys}), from one of three places:
 * <ul>
 *   <li><b>shared</b> ({@code flashsale.vouchers.key-encryption-key} set; production): in table
 *       {@code voucher_keys}, private halves sealed by {@link SealedKeys}. Every instance reads the
 *       same keys, re-reads them every {@code refresh-interval}, and the first to see the active key
 *       due prepares its successor under a database lock;</li>
 *   <li><b>keys file</b> ({@code keys-file}): the operator's JWK set ({@link KeysFile}), first key
 *       signs, read at startup, never written;</li>
 *   <li><b>key folder</b> (development, one instance): {@link KeyFolder}.</li>
 * </ul>
 * A successor is published {@code publish-ahead} before it signs, so every instance switches at
 * the same instant (by the clock, not by a message) and a till that refreshed inside the window
 * knows the key. Each key's latest voucher expiry is read with the keys, so a JWKS request costs no query.
 *
 * <p>Thread-safe: the state is one immutable snapshot, replaced under a lock. Private keys are never
 * logged, served or put in a message; {@link #toString()} names kids only.
 */
@Component
@DependsOnDatabaseInitialization
class VoucherKeyring {

    private static final Logger log = LoggerFactory.getLogger(VoucherKeyring.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record State(List<KeyEntry> keys, Map<String, Instant> maxExpiry) {}

    private final VoucherProperties properties;
    private final VoucherKeyStore store;
    private final Clock clock;
    private final @Nullable KeyFolder folder;
    private final @Nullable SealedKeys sealed;
    private final Object changes = new Object();
    private volatile State state;
    private volatile boolean warnedDue;

    VoucherKeyring(VoucherProperties properties, VoucherKeyStore store, Clock clock) {
        this.properties = properties;
        this.store = store;
        this.clock = clock;
        boolean managed = properties.keysFile() == null;
        String keyEncryptionKey = properties.keyEncryptionKey();
        this.sealed = managed && keyEncryptionKey != null ? new SealedKeys(keyEncryptionKey) : null;
        this.folder = managed && sealed == null ? new KeyFolder(properties.keyDir()) : null;
        synchronized (changes) {
            if (managed) {
                store.underRotationLock(() -> {
                    if (KeySchedule.active(readKeys(), clock.instant()).isEmpty()) {
                        addSuccessor(readKeys(), clock.instant());
                    }
                    return null;
                });
            }
            state = load(managed ? readKeys() : keysFromFile());
        }
        log.info(
                "Voucher signing key {} active; {} key(s) from {}",
                activeKid(),
                state.keys().size(),
                source());
    }

    VoucherSigner activeSigner() {
        return active().signer();
    }

    String activeKid() {
        return active().kid();
    }

    /** The key published but not signing yet, if a rotation is under way. */
    Optional<String> nextKid() {
        return KeySchedule.next(state.keys(), clock.instant()).map(KeyEntry::kid);
    }

    List<KeyEntry> entries() {
        return List.copyOf(state.keys());
    }

    /** The public JWKs to publish now, active key first; no database access. */
    List<ECKey> publishedKeys() {
        return PublishedKeys.select(
                state.keys(), state.maxExpiry(), clock.instant(), VoucherVerifier.DEFAULT_CLOCK_SKEW);
    }

    /**
     * Publishes a new key now; it signs from {@code publish-ahead} on (at once if nothing signs),
     * and every unretired key retires then. Not with a keys file.
     *
     * @return the new key's kid
     */
    String rotate() {
        requireManaged();
        synchronized (changes) {
            String kid = store.underRotationLock(() -> addSuccessor(readKeys(), clock.instant()));
            state = load(readKeys());
            return kid;
        }
    }

    /** Publishes the active key's successor if it is due (see {@link KeySchedule#successorDue}); true if it did. */
    boolean rotateIfDue() {
        if (!KeySchedule.successorDue(
                state.keys(), clock.instant(), properties.rotateAfter(), properties.publishAhead())) {
            return false;
        }
        if (properties.keysFile() != null) {
            if (warnedDue) {
                return false;
            }
            warnedDue = true;
            log.warn(
                    "Voucher signing key {} is older than {}; add a new key to {} (published), and after {} move it"
                            + " to the top (signs)",
                    activeKid(),
                    properties.rotateAfter(),
                    properties.keysFile(),
                    properties.publishAhead());
            return false;
        }
        synchronized (changes) {
            boolean added = store.underRotationLock(() -> {
                List<KeyEntry> keys = readKeys(); // another instance may have done it meanwhile
                if (!KeySchedule.successorDue(
                        keys, clock.instant(), properties.rotateAfter(), properties.publishAhead())) {
                    return false;
                }
                addSuccessor(keys, clock.instant());
                return true;
            });
            state = load(properties.keysFile() != null ? state.keys() : readKeys());
            return added;
        }
    }

    /** Re-reads the keys (another instance may have rotated) and each key's latest voucher expiry. */
    void refresh() {
        synchronized (changes) {
            state = load(properties.keysFile() != null ? state.keys() : readKeys());
        }
    }

    @Scheduled(
            initialDelayString = "${flashsale.vouchers.refresh-interval:PT30S}",
            fixedDelayString = "${flashsale.vouchers.refresh-interval:PT30S}")
    void scheduledRefresh() {
        try {
            refresh();
            rotateIfDue();
        } catch (RuntimeException e) {
            log.warn("Voucher key refresh failed, will retry: {}", e.toString());
        }
    }

    private KeyEntry active() {
        List<KeyEntry> keys = state.keys();
        // Only if the clock went back past every key's start (tests that move it): the earliest key.
        return KeySchedule.active(keys, clock.instant())
                .orElseGet(() -> keys.stream()
                        .min(java.util.Comparator.comparing(KeyEntry::signsFrom))
                        .orElseThrow());
    }

    private State load(List<KeyEntry> keys) {
        Map<String, Instant> expiries = new HashMap<>();
        for (KeyEntry k : keys) {
            store.maxExpiry(k.kid()).ifPresent(exp -> expiries.put(k.kid(), exp));
        }
        return new State(List.copyOf(keys), Map.copyOf(expiries));
    }

    /** The managed keys as stored now: sealed rows (shared) or the folder's files with their bookkeeping. */
    private List<KeyEntry> readKeys() {
        List<KeyEntry> keys = new ArrayList<>();
        if (sealed != null) {
            for (VoucherKeyStore.KeyRecord r : store.shared()) {
                keys.add(new KeyEntry(
                        sealed.open(r.kid(), Objects.requireNonNull(r.sealed(), "shared keys are sealed")),
                        r.createdAt(),
                        r.signsFrom(),
                        r.retiredAt()));
            }
        } else {
            Instant now = clock.instant();
            for (VoucherSigningKey key : folder().readAll()) {
                VoucherKeyStore.KeyRecord r = store.register(key.kid(), key.publicJwkJson(), now, now, null);
                keys.add(new KeyEntry(key, r.createdAt(), r.signsFrom(), r.retiredAt()));
            }
        }
        return keys;
    }

    private List<KeyEntry> keysFromFile() {
        Instant now = clock.instant();
        List<KeyEntry> keys = new ArrayList<>();
        for (VoucherSigningKey key : KeysFile.read(
                Objects.requireNonNull(properties.keysFile(), "keys come from the file only when it is set"))) {
            VoucherKeyStore.KeyRecord r = store.register(key.kid(), key.publicJwkJson(), now, now, null);
            Instant retiredAt = r.retiredAt();
            if (keys.isEmpty() && retiredAt != null) { // the first key signs
                store.unretire(key.kid());
                retiredAt = null;
            } else if (!keys.isEmpty() && retiredAt == null) {
                store.retire(key.kid(), now);
                retiredAt = now;
            }
            keys.add(new KeyEntry(key, r.createdAt(), keys.isEmpty() ? Instant.EPOCH : r.signsFrom(), retiredAt));
        }
        return keys;
    }

    /** Stores a new key and schedules the switch to it; call under the rotation lock. */
    private String addSuccessor(List<KeyEntry> keys, Instant now) {
        boolean anySigns = KeySchedule.active(keys, now).isPresent();
        Instant signsFrom = anySigns ? now.plus(properties.publishAhead()) : now;
        VoucherSigningKey key = VoucherSigningKey.generate(newKid(now));
        if (folder != null) {
            folder.write(key);
        }
        store.register(key.kid(), key.publicJwkJson(), now, signsFrom, sealed != null ? sealed.seal(key) : null);
        for (KeyEntry k : keys) {
            if (k.retiredAt() == null || k.retiredAt().isAfter(signsFrom)) {
                store.retire(k.kid(), signsFrom);
            }
        }
        log.info("Voucher signing key {} generated and published; it signs from {}", key.kid(), signsFrom);
        return key.kid();
    }

    private void requireManaged() {
        if (properties.keysFile() != null) {
            throw new IllegalStateException("Voucher keys come from " + properties.keysFile()
                    + "; rotate by adding a new key to that file, and after publish-ahead putting it at the top");
        }
    }

    static String newKid(Instant now) {
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        return "v-" + LocalDate.ofInstant(now, ZoneOffset.UTC) + "-"
                + HexFormat.of().formatHex(random);
    }

    private String source() {
        return properties.keysFile() != null
                ? "keys file " + properties.keysFile()
                : sealed != null ? "the database (shared, sealed)" : "key folder " + folder().dir();
    }

    @Override
    public String toString() {
        State current = state;
        return "VoucherKeyring[kids="
                + (current != null ? current.keys().stream().map(KeyEntry::kid).toList() : List.of()) + ", source="
                + source() + "]";
    }

    private KeyFolder folder() {
        return Objects.requireNonNull(folder, "managed keys without a key-encryption key live in the key folder");
    }
}
