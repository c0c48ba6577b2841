@NullMarked
package com.hyperlocal.flashsale.testing;

import org.jspecify.annotations.NullMarked;
