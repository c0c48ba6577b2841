@NullMarked
package com.hyperlocal.flashsale.verifier.sync;

import org.jspecify.annotations.NullMarked;
