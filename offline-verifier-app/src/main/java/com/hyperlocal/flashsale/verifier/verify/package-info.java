@NullMarked
package com.hyperlocal.flashsale.verifier.verify;

import org.jspecify.annotations.NullMarked;
