@NullMarked
package com.hyperlocal.flashsale.ratelimit;

import org.jspecify.annotations.NullMarked;
