@NullMarked
package com.hyperlocal.flashsale.merchant;

import org.jspecify.annotations.NullMarked;
