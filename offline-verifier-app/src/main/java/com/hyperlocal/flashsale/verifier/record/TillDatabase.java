package com.hyperlocal.flashsale.verifier.record;

import com.hyperlocal.flashsale.verifier.config.OwnerOnly;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * The till's SQLite file (WAL journal, {@code synchronous=FULL}: a method that returns has its
 * write on disk, so a power cut right after VALID loses nothing), opened owner-only because it
 * holds voucher tokens and shopper ids. Its parts each do one job over the same connection:
 * the scan log, the deal catalogue, the revocation list and the sync bookkeeping. Thread-safe.
 */
public final class TillDatabase implements AutoCloseable {

    private final Sql sql;
    private final ScanLog scans;
    private final DealCatalog deals;
    private final RevocationList revocations;
    private final SyncMeta meta;

    private TillDatabase(Sql sql) {
        this.sql = sql;
        this.scans = new ScanLog(sql);
        this.deals = new DealCatalog(sql);
        this.revocations = new RevocationList(sql);
        this.meta = new SyncMeta(sql);
    }

    public static TillDatabase open(Path file) {
        try {
            Path db = file.toAbsolutePath();
            // SQLite creates the -wal and -shm files with the database file's mode, so making
            // the file owner-only before the first open covers all three.
            OwnerOnly.prepareFile(db);
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setBusyTimeout(5_000);
            // IMMEDIATE takes the write lock at BEGIN: a second process cannot slip in between
            // our "already redeemed?" check and the insert.
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + db, config.toProperties());
            try (Statement s = c.createStatement()) {
                for (String ddl : Schema.STATEMENTS) {
                    s.execute(ddl);
                }
            }
            return new TillDatabase(new Sql(c));
        } catch (Exception e) {
            throw new StoreException("Cannot open the redemption log " + file + ": " + e.getMessage(), e);
        }
    }

    public ScanLog scans() {
        return scans;
    }

    public DealCatalog deals() {
        return deals;
    }

    public RevocationList revocations() {
        return revocations;
    }

    public SyncMeta meta() {
        return meta;
    }

    Connection connection() {
        return sql.connection();
    }

    @Override
    public void close() {
        sql.close();
    }
}
