@NullMarked
package com.hyperlocal.flashsale.client;

import org.jspecify.annotations.NullMarked;
