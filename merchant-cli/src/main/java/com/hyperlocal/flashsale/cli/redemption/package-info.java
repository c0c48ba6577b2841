@NullMarked
package com.hyperlocal.flashsale.cli.redemption;

import org.jspecify.annotations.NullMarked;
