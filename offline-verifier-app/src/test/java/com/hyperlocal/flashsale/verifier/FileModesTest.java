package com.hyperlocal.flashsale.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.crypto.vectors.VoucherTestVectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything the till writes holds voucher tokens, shopper ids or the API key: owner-only. */
class FileModesTest {

    @TempDir
    Path dir;

    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void theDatabaseItsJournalAndItsFolderAreOwnerOnly() throws Exception {
        try (FakeServer server = new FakeServer();
                VerifierContext ctx = Fixtures.context(dir, server.baseUrl(), "counter-1")) {
            ctx.counter().scan(VoucherTestVectors.token("valid.jwt"));
            ctx.refreshKeys();
            Path db = ctx.config().database();

            assertThat(mode(db.getParent())).isEqualTo("rwx------");
            try (Stream<Path> files = Files.list(db.getParent())) {
                assertThat(files.filter(Files::isRegularFile).toList())
                        .as("verifier.db, -wal, -shm")
                        .hasSizeGreaterThanOrEqualTo(2)
                        .allSatisfy(f -> assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------"));
            }
            assertThat(mode(Fixtures.paths(dir).configFile())).isEqualTo("rw-------");
            assertThat(mode(Fixtures.paths(dir).configFile().getParent())).isEqualTo("rwx------");
            assertThat(mode(ctx.config().keyCache())).isEqualTo("rw-------");
        }
    }

    @Test
    void anExistingWorldReadableDatabaseIsTightenedOnOpen() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("data/flashsale"));
        Path db = folder.resolve("verifier.db");
        Files.createFile(db);
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));

        com.hyperlocal.flashsale.verifier.record.TillDatabase.open(db).close();

        assertThat(mode(db)).isEqualTo("rw-------");
        assertThat(mode(folder)).isEqualTo("rwx------");
    }
}
