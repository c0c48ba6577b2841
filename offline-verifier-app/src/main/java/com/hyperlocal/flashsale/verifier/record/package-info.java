@NullMarked
package com.hyperlocal.flashsale.verifier.record;

import org.jspecify.annotations.NullMarked;
