@NullMarked
package com.hyperlocal.flashsale.revocation;

import org.jspecify.annotations.NullMarked;
