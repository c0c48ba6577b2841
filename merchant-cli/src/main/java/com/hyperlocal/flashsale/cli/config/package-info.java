@NullMarked
package com.hyperlocal.flashsale.cli.config;

import org.jspecify.annotations.NullMarked;
