@NullMarked
package com.hyperlocal.flashsale.verifier;

import org.jspecify.annotations.NullMarked;
