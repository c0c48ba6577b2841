@NullMarked
package com.hyperlocal.flashsale.crypto;

import org.jspecify.annotations.NullMarked;
