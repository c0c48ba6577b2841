package com.hyperlocal.flashsale.verifier.record;

/** The SQLite schema, created if missing on every open. */
final class Schema {

    private Schema() {}

    static final String[] STATEMENTS = {
        """
        CREATE TABLE IF NOT EXISTS scans (
            client_id              TEXT PRIMARY KEY,
            token                  TEXT NOT NULL,
            claim_id               TEXT,
            deal_id                TEXT,
            user_id                TEXT,
            expires_at             TEXT,
            scanned_at             TEXT NOT NULL,
            outcome                TEXT NOT NULL CHECK (outcome IN ('REDEEMED', 'REFUSED')),
            refusal_reason         TEXT,
            sync_state             TEXT NOT NULL DEFAULT 'PENDING' CHECK (sync_state IN ('PENDING', 'SYNCED')),
            server_status          TEXT,
            server_reason          TEXT,
            redemption_id          TEXT,
            conflict_redemption_id TEXT,
            conflict_device_id     TEXT,
            conflict_scanned_at    TEXT,
            conflict_received_at   TEXT,
            synced_at              TEXT,
            CHECK (outcome = 'REFUSED' OR claim_id IS NOT NULL)
        )""",
        // The database itself refuses a second redemption of one voucher on this device,
        // whatever the code above it does.
        "CREATE UNIQUE INDEX IF NOT EXISTS scans_one_redemption_per_voucher ON scans (claim_id) "
                + "WHERE outcome = 'REDEEMED'",
        "CREATE INDEX IF NOT EXISTS scans_pending ON scans (sync_state) WHERE sync_state = 'PENDING'",
        // Titles now come with the deal catalogue.
        "DROP TABLE IF EXISTS deal_titles",
        """
        CREATE TABLE IF NOT EXISTS deals (
            deal_id         TEXT PRIMARY KEY,
            title           TEXT NOT NULL,
            valid_from      TEXT,
            valid_until     TEXT,
            status          TEXT,
            closed_at       TEXT,
            vouchers_voided INTEGER NOT NULL DEFAULT 0
        )""",
        """
        CREATE TABLE IF NOT EXISTS revocations (
            claim_id   TEXT PRIMARY KEY,
            deal_id    TEXT,
            revoked_at TEXT,
            reason     TEXT
        )""",
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    };
}
