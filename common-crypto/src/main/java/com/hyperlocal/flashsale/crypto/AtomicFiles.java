package com.hyperlocal.flashsale.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * Writes a file so that a crash or a concurrent reader sees the old content or the new, never half:
 * a temp file in the same folder, flushed to disk, then renamed over the target. Used by every
 * module for key caches, keys and configuration holding API keys. Stateless and thread-safe.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /** For public material (key sets, the key cache). */
    public static void writeString(Path file, String content) throws IOException {
        write(file, content, false);
    }

    /**
     * For secrets (private keys, API keys): the temp file is created readable by the owner only
     * before anything is written, so the secret is never readable by others, not even for a moment,
     * and a folder created here is owner-only too. Elsewhere than POSIX, plain files.
     */
    public static void writeOwnerOnly(Path file, String content) throws IOException {
        write(file, content, true);
    }

    private static void write(Path file, String content, boolean ownerOnly) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = Objects.requireNonNull(target.getParent(), "a file path has a parent folder");
        boolean restrict = ownerOnly
                && FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, restrict ? attrs("rwx------") : new FileAttribute<?>[0]);
        }
        Path tmp = Files.createTempFile(
                dir, "." + target.getFileName(), ".tmp", restrict ? attrs("rw-------") : new FileAttribute<?>[0]);
        try {
            try (FileChannel channel =
                    FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static FileAttribute<?>[] attrs(String permissions) {
        return new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
        };
    }
}
