@NullMarked
package com.hyperlocal.flashsale.cli.keys;

import org.jspecify.annotations.NullMarked;
