package com.hyperlocal.flashsale.voucher;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the hourly key-age check ({@link VoucherKeyring#scheduledRotation()}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class VoucherConfiguration {
}
