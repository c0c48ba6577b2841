@NullMarked
package com.hyperlocal.flashsale.webhook;

import org.jspecify.annotations.NullMarked;
