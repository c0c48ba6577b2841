@NullMarked
package com.hyperlocal.flashsale.infra;

import org.jspecify.annotations.NullMarked;
