package com.hyperlocal.flashsale.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

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

    /** Never null: the constructors take the one-line message. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage(), "a CliException always has a message");
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

    /** "cannot read FILE: no such file" and the like (exit 7). */
    public static CliException cannotRead(Path file, IOException e) {
        return local("cannot read " + file + ": " + why(e), e);
    }

    /** What went wrong with a file, in words rather than the JDK's exception names. */
    public static String why(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file" + (e.getMessage() == null ? "" : " " + e.getMessage());
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied" + (e.getMessage() == null ? "" : " on " + e.getMessage());
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }
}
