package com.hyperlocal.flashsale.cli;

/**
 * A failure with a known exit code and a one-line message meant for the merchant as-is.
 * Thrown by commands; printed by the execution exception handler in {@link FlashdealCli}.
 */
public class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** A local problem (exit 7): config, API key, key cache or an input file. */
    public static CliException local(String message) {
        return new CliException(ExitCodes.LOCAL, message);
    }

    public static CliException local(String message, Throwable cause) {
        return new CliException(ExitCodes.LOCAL, message, cause);
    }
}
