package com.hyperlocal.flashsale.merchant;

import com.hyperlocal.flashsale.crypto.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On the embedded default, the first start creates a demo merchant so a new user can try the CLI
 * at once. Its key is printed once and kept, owner-readable only, in the data folder.
 */
@Component
class DemoMerchant implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoMerchant.class);
    static final String FILE = "demo-merchant.properties";

    private final MerchantAccounts accounts;
    private final AdminProperties properties;

    DemoMerchant(MerchantAccounts accounts, AdminProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!properties.demoMerchant()) {
            return;
        }
        Path file = properties.demoMerchantFile().toAbsolutePath();
        if (Files.exists(file) && stillValid(file)) {
            log.info("Demo merchant: its API key is in {}", file);
            return;
        }
        MerchantAccounts.CreatedMerchant demo = accounts.create("Demo Merchant");
        AtomicFiles.writeOwnerOnly(file, "merchantId=" + demo.id() + "\napiKey=" + demo.apiKey() + "\n");
        // Printed once, on purpose: this is a local demo account, and the file above keeps it.
        System.out.printf(
                "%n  Demo merchant created (id %s).%n  API key, shown once and saved in %s:%n  %s%n%n",
                demo.id(), file, demo.apiKey());
    }

    /** A file from an earlier database (e.g. a wiped data folder) names a key that no longer works. */
    private boolean stillValid(Path file) throws IOException {
        java.util.Properties saved = new java.util.Properties();
        try (var reader = Files.newBufferedReader(file)) {
            saved.load(reader);
        }
        String key = saved.getProperty("apiKey", "");
        return ApiKeys.SHAPE.matcher(key).matches()
                && accounts.byKeyHash(ApiKeys.hash(key)).isPresent();
    }
}
