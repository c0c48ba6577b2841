package com.hyperlocal.flashsale.verifier.config;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;

/**
 * Owner-only folders (rwx------) and files (rw-------) for what the till keeps: voucher tokens
 * and shopper ids are personal data. Outside POSIX file systems the platform defaults apply.
 */
public final class OwnerOnly {

    static final String APP_FOLDER = "flashsale";
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {}

    /** The folder of {@code file}: an absolute path below the root always has one. */
    public static Path folderOf(Path file) {
        return Objects.requireNonNull(file.toAbsolutePath().getParent(), () -> "no folder above " + file);
    }

    /** Creates (or tightens) the folder the file lives in, then the file itself, both owner-only. */
    public static void prepareFile(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        directory(folderOf(target));
        if (!posix()) {
            return;
        }
        if (Files.notExists(target)) {
            Files.createFile(target, PosixFilePermissions.asFileAttribute(FILE));
        } else {
            Files.setPosixFilePermissions(target, FILE);
        }
    }

    /**
     * Creates the folder owner-only. An existing folder is tightened only when it is the app's
     * own ({@value #APP_FOLDER}): a database put into a shared folder by the settings must not
     * change that folder's mode; its file is owner-only anyway.
     */
    public static void directory(Path dir) throws IOException {
        if (!posix()) {
            Files.createDirectories(dir);
            return;
        }
        if (Files.notExists(dir)) {
            Path parent = dir.getParent();
            if (parent != null && Files.notExists(parent)) {
                Files.createDirectories(parent);
            }
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR));
        } else if (dir.getFileName() != null
                && APP_FOLDER.equals(dir.getFileName().toString())) {
            Files.setPosixFilePermissions(dir, DIR);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
