package com.hyperlocal.flashsale.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.Objects;

/**
 * An EC P-256 private key plus its {@code kid}: what the server signs vouchers with.
 *
 * <p>{@link #toString()} never reveals key material; only {@link #toJwkJson()} does, and only
 * because the server has to persist the key somewhere.
 *
 * <p>Immutable and thread-safe.
 */
public final class VoucherSigningKey {

    /** The PEM label of an unencrypted PKCS#8 private key (RFC 7468). */
    static final String PKCS8_LABEL = "PRIVATE" + " KEY";

    private final ECKey jwk; // always has the private part, kid, crv P-256

    private VoucherSigningKey(ECKey jwk) {
        this.jwk = jwk;
    }

    /** Generates a fresh P-256 key pair with the given {@code kid}. */
    public static VoucherSigningKey generate(String kid) {
        requireKid(kid);
        try {
            return new VoucherSigningKey(new ECKeyGenerator(Curve.P_256)
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("EC P-256 key generation is not available", e);
        }
    }

    /** Loads a private EC P-256 JWK (as written by {@link #toJwkJson()}); it must have a kid. */
    public static VoucherSigningKey fromJwk(String json) throws VoucherKeyException {
        Objects.requireNonNull(json, "json");
        ECKey key;
        try {
            key = ECKey.parse(json);
        } catch (ParseException | RuntimeException e) {
            throw new VoucherKeyException("not a valid EC JWK");
        }
        if (!Curve.P_256.equals(key.getCurve())) {
            throw new VoucherKeyException("signing key must be on curve P-256");
        }
        if (!key.isPrivate()) {
            throw new VoucherKeyException("JWK has no private part, cannot sign");
        }
        if (key.getKeyID() == null || key.getKeyID().isBlank()) {
            throw new VoucherKeyException("signing JWK must have a kid");
        }
        if (key.getAlgorithm() != null && !JWSAlgorithm.ES256.equals(key.getAlgorithm())) {
            throw new VoucherKeyException("signing JWK is restricted to another algorithm");
        }
        return new VoucherSigningKey(key);
    }

    /**
     * Loads a PKCS#8 PEM (label {@value #PKCS8_LABEL}) EC P-256 private key, e.g. from
     * {@code openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256}.
     */
    public static VoucherSigningKey fromPem(String pem, String kid) throws VoucherKeyException {
        Objects.requireNonNull(pem, "pem");
        requireKid(kid);
        String begin = "-----BEGIN " + PKCS8_LABEL + "-----";
        String end = "-----END " + PKCS8_LABEL + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new VoucherKeyException("expected a PKCS#8 PEM block (" + PKCS8_LABEL + "); SEC1 (EC " + PKCS8_LABEL
                    + ") is not supported");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
            KeyFactory kf = KeyFactory.getInstance("EC");
            ECPrivateKey priv = (ECPrivateKey) kf.generatePrivate(new PKCS8EncodedKeySpec(der));
            if (!P256.N.equals(priv.getParams().getOrder())) {
                throw new VoucherKeyException("PEM key is not on curve P-256");
            }
            // PKCS#8 need not carry the public key, so derive it from the private scalar.
            BigInteger[] xy = P256.multiplyG(priv.getS());
            ECPublicKey pub =
                    (ECPublicKey) kf.generatePublic(new ECPublicKeySpec(new ECPoint(xy[0], xy[1]), priv.getParams()));
            return new VoucherSigningKey(new ECKey.Builder(Curve.P_256, pub)
                    .privateKey(priv)
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .build());
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new VoucherKeyException("PEM does not contain a valid PKCS#8 EC private key");
        }
    }

    public String kid() {
        return jwk.getKeyID();
    }

    /** The private JWK as JSON, for storing on disk. Contains the private key: handle with care. */
    public String toJwkJson() {
        return jwk.toJSONString();
    }

    /** The public half as a JWK (no private part), e.g. for publishing in the JWKS. */
    public ECKey publicJwk() {
        return jwk.toPublicJWK();
    }

    /** The public half as JWK JSON. */
    public String publicJwkJson() {
        return publicJwk().toJSONString();
    }

    /** Package-private: the signer needs the nimbus key. */
    ECKey jwk() {
        return jwk;
    }

    @Override
    public String toString() {
        return "VoucherSigningKey[kid=" + kid() + ", alg=ES256, crv=P-256]";
    }

    private static void requireKid(String kid) {
        Objects.requireNonNull(kid, "kid");
        if (kid.isBlank()) {
            throw new IllegalArgumentException("kid must not be blank");
        }
    }
}
