@NullMarked
package com.hyperlocal.flashsale.cli.deal;

import org.jspecify.annotations.NullMarked;
