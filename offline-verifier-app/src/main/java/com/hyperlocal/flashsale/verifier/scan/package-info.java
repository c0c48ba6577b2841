@NullMarked
package com.hyperlocal.flashsale.verifier.scan;

import org.jspecify.annotations.NullMarked;
