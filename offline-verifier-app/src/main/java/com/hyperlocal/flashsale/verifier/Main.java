package com.hyperlocal.flashsale.verifier;

/**
 * Entry point. Kept apart from the JavaFX {@code Application} subclass so that a plain classpath
 * launch (shaded jar, IDE) starts JavaFX without the module-path check that refuses to run an
 * Application main class from the classpath.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        com.hyperlocal.flashsale.verifier.ui.VerifierApp.launchApp(args);
    }
}
