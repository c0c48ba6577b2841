package com.hyperlocal.flashsale.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** {@code /.well-known/voucher-configuration}: the issuer to expect and where its keys are. */
public record VoucherConfiguration(
        @Nullable String issuer,
        @JsonProperty("jwks_uri") @Nullable String jwksUri) {}
