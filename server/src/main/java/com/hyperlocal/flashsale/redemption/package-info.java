@NullMarked
package com.hyperlocal.flashsale.redemption;

import org.jspecify.annotations.NullMarked;
