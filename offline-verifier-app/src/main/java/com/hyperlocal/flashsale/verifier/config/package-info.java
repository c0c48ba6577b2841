@NullMarked
package com.hyperlocal.flashsale.verifier.config;

import org.jspecify.annotations.NullMarked;
