package com.hyperlocal.flashsale.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code /.well-known/voucher-configuration}: the issuer to expect and where its keys are. */
public record VoucherConfiguration(String issuer, @JsonProperty("jwks_uri") String jwksUri) {
}
