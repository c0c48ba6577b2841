@NullMarked
package com.hyperlocal.flashsale.claim;

import org.jspecify.annotations.NullMarked;
