@NullMarked
package com.hyperlocal.flashsale.verifier.counter;

import org.jspecify.annotations.NullMarked;
