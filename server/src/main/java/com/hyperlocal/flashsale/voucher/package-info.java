@NullMarked
package com.hyperlocal.flashsale.voucher;

import org.jspecify.annotations.NullMarked;
