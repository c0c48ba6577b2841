package com.hyperlocal.flashsale.crypto;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable set of trusted public EC P-256 verification keys, looked up by {@code kid} only.
 *
 * <p>Load rules ({@link #fromJwksJson}): non-EC keys, EC keys on other curves, keys with
 * {@code use} other than {@code sig} or {@code alg} other than {@code ES256}, and keys without
 * a kid are <em>ignored</em> (a JWKS may legitimately hold keys for other purposes). A key that
 * carries private material makes the whole load <em>fail</em>: a published private key is a
 * compromised key and must not be trusted. Duplicate kids fail the load (ambiguous).
 * {@link #of(ECKey...)} strips private parts instead, for the server building its own set.
 *
 * <p>Immutable and thread-safe.
 */
public final class TrustedKeys {

    /** A cached JWKS is small; anything bigger is not ours. */
    static final long MAX_FILE_BYTES = 1024 * 1024;

    private final Map<String, ECKey> byKid;

    private TrustedKeys(Map<String, ECKey> byKid) {
        this.byKid = Collections.unmodifiableMap(new LinkedHashMap<>(byKid));
    }

    /** Builds a set from public (or private: stripped) P-256 keys, each with a distinct kid. */
    public static TrustedKeys of(ECKey... keys) {
        Map<String, ECKey> map = new LinkedHashMap<>();
        for (ECKey key : keys) {
            Objects.requireNonNull(key, "key");
            if (!Curve.P_256.equals(key.getCurve())) {
                throw new IllegalArgumentException("only P-256 keys can be trusted");
            }
            String kid = key.getKeyID();
            if (kid == null || kid.isBlank()) {
                throw new IllegalArgumentException("trusted keys need a kid");
            }
            if (map.putIfAbsent(kid, key.toPublicJWK()) != null) {
                throw new IllegalArgumentException("duplicate kid: " + kid);
            }
        }
        return new TrustedKeys(map);
    }

    /** Convenience: the public halves of signing keys. */
    public static TrustedKeys of(VoucherSigningKey... keys) {
        ECKey[] pub = new ECKey[keys.length];
        for (int i = 0; i < keys.length; i++) {
            pub[i] = keys[i].publicJwk();
        }
        return of(pub);
    }

    /** Parses a JWK set ({@code {"keys":[...]}}) applying the load rules in the class doc. */
    public static TrustedKeys fromJwksJson(String json) throws VoucherKeyException {
        Objects.requireNonNull(json, "json");
        List<JWK> keys;
        try {
            keys = JWKSet.parse(json).getKeys();
        } catch (ParseException | RuntimeException e) {
            throw new VoucherKeyException("not a valid JWK set");
        }
        Map<String, ECKey> map = new LinkedHashMap<>();
        for (JWK jwk : keys) {
            if (jwk.isPrivate()) {
                throw new VoucherKeyException("JWK set contains private key material (kid=" + jwk.getKeyID()
                        + "); refusing it, that key must be treated as compromised");
            }
            if (!isUsableVerificationKey(jwk)) {
                continue;
            }
            if (map.putIfAbsent(jwk.getKeyID(), jwk.toECKey()) != null) {
                throw new VoucherKeyException("JWK set has duplicate kid " + jwk.getKeyID());
            }
        }
        return new TrustedKeys(map);
    }

    /** Reads a JWKS file written by {@link #save(Path)} (or downloaded from the server). */
    public static TrustedKeys load(Path file) throws IOException, VoucherKeyException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new VoucherKeyException("JWK set file is too large: " + file);
        }
        return fromJwksJson(Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Writes the set atomically (temp file in the same directory, then move), so a crash or a
     * concurrent reader never sees a half-written key cache.
     */
    public void save(Path file) throws IOException {
        AtomicFiles.writeString(file, toJwksJson());
    }

    /** The public JWK set JSON, e.g. the body of {@code GET /.well-known/jwks.json}. */
    public String toJwksJson() {
        return new JWKSet(new ArrayList<>(byKid.values())).toString(true);
    }

    /** The public key with this kid, if trusted. */
    public Optional<ECKey> find(String kid) {
        return kid == null ? Optional.empty() : Optional.ofNullable(byKid.get(kid));
    }

    public Set<String> kids() {
        return byKid.keySet();
    }

    public int size() {
        return byKid.size();
    }

    @Override
    public String toString() {
        return "TrustedKeys" + byKid.keySet();
    }

    private static boolean isUsableVerificationKey(JWK jwk) {
        if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
            return false;
        }
        if (jwk.getKeyID() == null || jwk.getKeyID().isBlank()) {
            return false;
        }
        if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
            return false;
        }
        return jwk.getAlgorithm() == null || JWSAlgorithm.ES256.equals(jwk.getAlgorithm());
    }
}
