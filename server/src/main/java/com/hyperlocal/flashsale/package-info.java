@NullMarked
package com.hyperlocal.flashsale;

import org.jspecify.annotations.NullMarked;
