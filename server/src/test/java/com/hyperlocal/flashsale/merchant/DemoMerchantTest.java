package com.hyperlocal.flashsale.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import com.hyperlocal.flashsale.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

/** The demo merchant of the embedded default: created once, its key kept owner-only where it is configured. */
@IntegrationTest
class DemoMerchantTest {

    @Autowired
    MerchantAccounts accounts;

    @TempDir
    Path dir;

    @Test
    void theFirstStartWritesAWorkingKeyOwnerOnlyAndTheNextStartKeepsIt() throws Exception {
        Path file = dir.resolve("nested").resolve(DemoMerchant.FILE);
        DemoMerchant demo = new DemoMerchant(accounts, new AdminProperties(null, true, file));

        demo.run(new DefaultApplicationArguments());
        String first = Files.readString(file);
        demo.run(new DefaultApplicationArguments());

        assertThat(Files.readString(file)).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        Properties saved = new Properties();
        saved.load(new java.io.StringReader(first));
        assertThat(accounts.byKeyHash(ApiKeys.hash(saved.getProperty("apiKey"))))
                .isPresent();
    }

    @Test
    void withoutTheEmbeddedDefaultNoDemoMerchantIsCreated() throws Exception {
        Path file = dir.resolve(DemoMerchant.FILE);

        new DemoMerchant(accounts, new AdminProperties(null, false, file)).run(new DefaultApplicationArguments());

        assertThat(file).doesNotExist();
    }
}
