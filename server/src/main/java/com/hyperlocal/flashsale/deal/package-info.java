@NullMarked
package com.hyperlocal.flashsale.deal;

import org.jspecify.annotations.NullMarked;
