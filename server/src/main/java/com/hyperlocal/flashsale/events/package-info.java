@NullMarked
package com.hyperlocal.flashsale.events;

import org.jspecify.annotations.NullMarked;
