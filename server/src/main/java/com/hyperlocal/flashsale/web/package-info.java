@NullMarked
package com.hyperlocal.flashsale.web;

import org.jspecify.annotations.NullMarked;
