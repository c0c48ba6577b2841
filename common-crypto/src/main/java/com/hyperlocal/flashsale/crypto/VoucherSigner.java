package com.hyperlocal.flashsale.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Signs {@link VoucherClaims} into a compact ES256 JWS with header
 * {@code {"alg":"ES256","typ":"voucher+jwt","kid":...}} and a canonical (low-S) signature.
 *
 * <p>Thread-safe: holds only immutable state and nimbus's {@link ECDSASigner}, which is
 * documented thread-safe (it obtains a fresh {@code Signature} per call).
 */
public final class VoucherSigner {

    /** The {@code typ} header value every voucher carries and every verifier demands. */
    public static final String TYPE = "voucher+jwt";

    private final JWSHeader header;
    private final ECDSASigner signer;

    public VoucherSigner(VoucherSigningKey key) {
        Objects.requireNonNull(key, "key");
        this.header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(new JOSEObjectType(TYPE))
                .keyID(key.kid())
                .build();
        try {
            this.signer = new ECDSASigner(key.jwk());
        } catch (JOSEException e) {
            throw new IllegalArgumentException("key cannot sign ES256", e);
        }
    }

    public String kid() {
        return header.getKeyID();
    }

    /** Returns the compact serialization {@code header.payload.signature}. */
    public String sign(VoucherClaims claims) {
        Objects.requireNonNull(claims, "claims");
        JWSObject jws = new JWSObject(header, new Payload(toJson(claims)));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("ES256 signing failed", e);
        }
        return canonical(jws.serialize());
    }

    /** Low-S form of the token (the JDK signs either form at random); verifiers accept only this one. */
    private static String canonical(String compact) {
        int dot = compact.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(compact.substring(dot + 1));
        byte[] low = P256.toLowS(signature);
        return low == signature
                ? compact
                : compact.substring(0, dot + 1)
                        + Base64.getUrlEncoder().withoutPadding().encodeToString(low);
    }

    // Insertion-ordered so the payload is stable and readable; values as the format doc says.
    private static Map<String, Object> toJson(VoucherClaims c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iss", c.issuer());
        m.put("sub", c.userId());
        m.put("jti", c.claimId().toString());
        m.put("deal", c.dealId().toString());
        m.put("mid", c.merchantId().toString());
        m.put("iat", c.issuedAt().getEpochSecond());
        m.put("exp", c.expiresAt().getEpochSecond());
        return m;
    }
}
