package com.hyperlocal.flashsale.verifier.ui;

import java.time.Duration;

/**
 * Runs something on the UI thread after a delay (a JavaFX {@code PauseTransition} in the app, a
 * hand-driven clock in tests); the result is what cancels it.
 */
@FunctionalInterface
public interface ResultTimer {

    Runnable schedule(Duration after, Runnable action);
}
