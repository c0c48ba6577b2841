package com.hyperlocal.flashsale.voucher;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the key refresh ({@link VoucherKeyring#scheduledRefresh()}: shared keys re-read, successor published when due). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class VoucherConfiguration {}
