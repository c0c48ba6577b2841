@NullMarked
package com.hyperlocal.flashsale.security;

import org.jspecify.annotations.NullMarked;
