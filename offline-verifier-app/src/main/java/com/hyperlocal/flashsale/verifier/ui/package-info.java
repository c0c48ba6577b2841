@NullMarked
package com.hyperlocal.flashsale.verifier.ui;

import org.jspecify.annotations.NullMarked;
