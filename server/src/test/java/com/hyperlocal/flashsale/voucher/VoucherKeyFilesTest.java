package com.hyperlocal.flashsale.voucher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hyperlocal.flashsale.IntegrationTest;
import com.hyperlocal.flashsale.TestApi;
import com.hyperlocal.flashsale.crypto.VoucherSigningKey;
import com.nimbusds.jose.jwk.ECKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Where keys live, who may read them, and that private material never leaks into text. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class VoucherKeyFilesTest {

    @Autowired
    VoucherKeyring keyring;

    @Autowired
    VoucherProperties properties;

    @Autowired
    VoucherKeyStore store;

    @Autowired
    Clock clock;

    @Test
    void keyFolderAndKeyFilesAreOwnerOnlyAndNamedByKid(CapturedOutput output) throws Exception {
        String kid = keyring.rotate(); // a key written during this test, so its log lines are captured
        Path dir = properties.keyDir();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                .isEqualTo("rwx------");
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.toList();
        }
        assertThat(files).allSatisfy(f -> assertThat(f.getFileName().toString()).endsWith(".jwk.json"));
        for (KeyEntry entry : keyring.entries()) {
            Path file = dir.resolve(entry.kid() + ".jwk.json");
            assertThat(file).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }

        String d = TestApi.JSON
                .readTree(Files.readString(dir.resolve(kid + ".jwk.json")))
                .get("d")
                .asString();
        assertThat(d).isNotBlank();
        for (String text : List.of(
                keyring.toString(),
                keyring.entries().toString(),
                new VoucherIssuer(keyring, properties).session().toString(),
                output.getAll())) {
            assertThat(text).doesNotContain(d).doesNotContain("\"d\"");
        }
        assertThat(output.getAll()).contains(kid);
    }

    @Test
    void keysFileFirstKeySignsLaterOnesAreRetiredButPublished(@TempDir Path tmp) throws Exception {
        VoucherSigningKey first = VoucherSigningKey.generate("prod-" + System.nanoTime() + "-b");
        VoucherSigningKey second = VoucherSigningKey.generate("prod-" + System.nanoTime() + "-a");
        Path file = tmp.resolve("voucher-keys.jwks.json");
        Files.writeString(file, "{\"keys\":[" + first.toJwkJson() + "," + second.toJwkJson() + "]}");

        VoucherKeyring fromFile =
                new VoucherKeyring(VoucherProperties.keysFile("https://flashsale.example", file), store, clock);

        assertThat(fromFile.activeKid()).isEqualTo(first.kid());
        assertThat(fromFile.entries()).extracting(KeyEntry::kid).containsExactly(first.kid(), second.kid());
        assertThat(fromFile.entries().get(1).retiredAt()).isNotNull();
        assertThat(fromFile.publishedKeys()).extracting(ECKey::getKeyID).containsExactly(first.kid(), second.kid());
        assertThat(fromFile.publishedKeys()).noneMatch(ECKey::isPrivate);
        assertThatThrownBy(fromFile::rotate)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("top");
    }

    @Test
    void brokenKeysFileIsRefusedWithoutQuotingKeyMaterial(@TempDir Path tmp) throws Exception {
        VoucherSigningKey key = VoucherSigningKey.generate("broken-" + System.nanoTime());
        String d = TestApi.JSON.readTree(key.toJwkJson()).get("d").asString();
        Path truncated = tmp.resolve("truncated.json");
        Files.writeString(truncated, "{\"keys\":[" + key.toJwkJson()); // cut short
        Path publicOnly = tmp.resolve("public.json");
        Files.writeString(publicOnly, "{\"keys\":[" + key.publicJwkJson() + "]}");

        for (Path file : List.of(truncated, publicOnly)) {
            assertThatThrownBy(() -> new VoucherKeyring(VoucherProperties.keysFile(null, file), store, clock))
                    .isInstanceOf(IllegalStateException.class)
                    .hasNoCause()
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(d));
        }
    }
}
