@NullMarked
package com.hyperlocal.flashsale.dev;

import org.jspecify.annotations.NullMarked;
