package com.hyperlocal.flashsale.crypto;

import java.util.Objects;

/**
 * Outcome of {@link VoucherVerifier#verify(String)}: either {@link Valid} with the claims, or
 * {@link Invalid} with a machine-readable {@link Reason} and one plain-English sentence meant to
 * be shown to a shop assistant as-is.
 *
 * <p>All implementations are immutable and thread-safe.
 */
public sealed interface VerificationResult {

    default boolean isValid() {
        return this instanceof Valid;
    }

    /** The voucher is genuine, for this merchant, and within its validity window. */
    record Valid(VoucherClaims claims) implements VerificationResult {
        public Valid {
            Objects.requireNonNull(claims, "claims");
        }
    }

    /** The voucher must not be honoured. */
    record Invalid(Reason reason, String message) implements VerificationResult {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }

        static Invalid of(Reason reason) {
            return new Invalid(reason, reason.message());
        }
    }

    /** Why a voucher was rejected. Each carries the sentence shown to the shop assistant. */
    enum Reason {
        TOO_LARGE("This code is too large to be one of our vouchers."),
        MALFORMED("This code is not a readable voucher."),
        UNSUPPORTED_ALGORITHM("This voucher is not signed the way our vouchers are, so it cannot be trusted."),
        WRONG_TYPE("This code is not a voucher from this platform."),
        /** A header such as jwk, jku, x5u, x5c or crit: the token tries to bring its own key. */
        FORBIDDEN_HEADER("This voucher tries to supply its own key or rules, so it cannot be trusted."),
        UNKNOWN_KEY(
                "This voucher was signed with a key this till does not know; go online to refresh the keys and scan again."),
        BAD_SIGNATURE("This voucher's signature is not genuine, so it may be forged or altered."),
        EXPIRED("This voucher has expired."),
        NOT_YET_VALID("This voucher is not valid yet; check that this device's clock is correct."),
        MISSING_CLAIM("This voucher is missing required details."),
        WRONG_ISSUER("This voucher was not issued by our platform."),
        WRONG_MERCHANT("This voucher is for a different shop.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        /** The default plain-English sentence for this reason. */
        public String message() {
            return message;
        }
    }
}
