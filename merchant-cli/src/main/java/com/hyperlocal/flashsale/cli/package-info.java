@NullMarked
package com.hyperlocal.flashsale.cli;

import org.jspecify.annotations.NullMarked;
