package com.hyperlocal.flashsale.voucher;

import com.hyperlocal.flashsale.crypto.AtomicFiles;
import com.hyperlocal.flashsale.crypto.VoucherKeyException;
import com.hyperlocal.flashsale.crypto.VoucherSigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Private keys as files (development, one instance): one private JWK per file named
 * {@code <kid>.jwk.json}, owner-only ({@code rw-------}, folder {@code rwx------}), written
 * atomically. Also the permission check shared with the keys file.
 */
final class KeyFolder {

    static final String KEY_FILE_SUFFIX = ".jwk.json";
    private static final Logger log = LoggerFactory.getLogger(KeyFolder.class);
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path dir;

    KeyFolder(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    Path dir() {
        return dir;
    }

    List<VoucherSigningKey> readAll() {
        List<VoucherSigningKey> keys = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(created(), "*" + KEY_FILE_SUFFIX)) {
            for (Path file : files) {
                warnIfNotOwnerOnly(file);
                keys.add(read(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list voucher key folder " + dir, e);
        }
        return keys;
    }

    /** Owner-only from the first byte, fsynced, then renamed over the target in one step. */
    void write(VoucherSigningKey key) {
        Path target = created().resolve(key.kid() + KEY_FILE_SUFFIX);
        try {
            AtomicFiles.writeOwnerOnly(target, key.toJwkJson());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write voucher key file " + target, e);
        }
    }

    private Path created() {
        try {
            if (!Files.isDirectory(dir) && posix(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            } else if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
            }
            if (posix(dir)) {
                Files.setPosixFilePermissions(dir, OWNER_DIR);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create voucher key folder " + dir, e);
        }
    }

    private static VoucherSigningKey read(Path file) {
        VoucherSigningKey key;
        try {
            key = VoucherSigningKey.fromJwk(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read voucher key file " + file, e);
        } catch (VoucherKeyException e) { // its messages never contain key material
            throw new IllegalStateException("Voucher key file " + file + " is unusable: " + e.getMessage());
        }
        if (!file.getFileName().toString().equals(key.kid() + KEY_FILE_SUFFIX)) {
            throw new IllegalStateException("Voucher key file " + file + " holds kid '" + key.kid()
                    + "'; it must be named " + key.kid() + KEY_FILE_SUFFIX);
        }
        return key;
    }

    static void warnIfNotOwnerOnly(Path file) {
        try {
            if (posix(file)
                    && Files.getPosixFilePermissions(file).stream()
                            .anyMatch(p ->
                                    p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                log.warn("Voucher key file {} is accessible to other users; chmod 600 it", file);
            }
        } catch (IOException e) {
            log.warn(
                    "Cannot check the permissions of voucher key file {}: {}",
                    file,
                    e.getClass().getSimpleName());
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
