@NullMarked
package com.hyperlocal.flashsale.dev.identity;

import org.jspecify.annotations.NullMarked;
