@NullMarked
package com.hyperlocal.flashsale.discovery;

import org.jspecify.annotations.NullMarked;
