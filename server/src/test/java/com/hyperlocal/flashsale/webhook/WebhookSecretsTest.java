package com.hyperlocal.flashsale.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored webhook secrets: any instance with the shared key reads what another sealed; the key never leaks. */
class WebhookSecretsTest {

    @TempDir
    Path dir;

    private WebhookProperties props(Path keyFile, @Nullable String key) {
        return new WebhookProperties(null, null, 0, 0, null, null, null, null, null, null, keyFile, key);
    }

    @Test
    void twoInstancesGivenTheSameKeyDecryptEachOthersSecretsAndIgnoreTheirOwnKeyFiles() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String shared = Base64.getEncoder().encodeToString(raw);
        WebhookSecrets a = new WebhookSecrets(props(dir.resolve("a.key"), shared));
        WebhookSecrets b = new WebhookSecrets(props(dir.resolve("b.key"), shared));

        String secret = a.newSecret();
        assertThat(b.decrypt(a.encrypt(secret))).isEqualTo(secret);
        assertThat(dir.resolve("a.key")).doesNotExist();
    }

    @Test
    void withoutAKeyEachHostCreatesAnOwnerOnlyKeyFileThatAnotherHostCannotUse() throws Exception {
        WebhookSecrets a = new WebhookSecrets(props(dir.resolve("a.key"), null));
        WebhookSecrets b = new WebhookSecrets(props(dir.resolve("b.key"), ""));

        String sealed = a.encrypt(a.newSecret());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a.key"))))
                .isEqualTo("rw-------");
        assertThatThrownBy(() -> b.decrypt(sealed)).hasMessageContaining("wrong secret-key-file");
    }

    @Test
    void aKeyOfTheWrongLengthOrNotBase64IsRefusedWithoutEchoingIt() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> new WebhookSecrets(props(dir.resolve("k"), shortKey)))
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> new WebhookSecrets(props(dir.resolve("k"), "not base64 at all!")))
                .hasMessageContaining("not base64")
                .hasMessageNotContaining("at all");
    }
}
