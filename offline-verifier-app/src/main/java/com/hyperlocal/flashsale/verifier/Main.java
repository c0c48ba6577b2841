package com.hyperlocal.flashsale.verifier;

import java.util.List;

/**
 * Entry point. Kept apart from the JavaFX {@code Application} subclass so that a plain classpath
 * launch (shaded jar, IDE) starts JavaFX without the module-path check that refuses to run an
 * Application main class from the classpath; and so that missing system libraries are named
 * before JavaFX fails on them.
 */
public final class Main {

    /** Exit status when the desktop cannot be used (libraries or display missing). */
    static final int NO_DESKTOP = 3;

    private Main() {}

    public static void main(String[] args) {
        if (!DesktopCheck.ready()) {
            System.exit(NO_DESKTOP);
        }
        boolean smokeTest = SmokeTest.requested(List.of(args));
        if (smokeTest) {
            SmokeTest.PROCESS.watch(SmokeTest.DEADLINE, System::exit);
        }
        com.hyperlocal.flashsale.verifier.ui.VerifierApp.launchApp(args);
        // JavaFX returns normally when the app exits early too (a start that failed): only a
        // shown window makes a smoke test pass.
        if (smokeTest && !SmokeTest.PROCESS.passed()) {
            System.exit(SmokeTest.NOT_SHOWN);
        }
    }
}
