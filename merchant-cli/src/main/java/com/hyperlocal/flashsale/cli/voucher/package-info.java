@NullMarked
package com.hyperlocal.flashsale.cli.voucher;

import org.jspecify.annotations.NullMarked;
