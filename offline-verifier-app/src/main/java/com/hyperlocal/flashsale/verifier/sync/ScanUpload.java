package com.hyperlocal.flashsale.verifier.sync;

import com.hyperlocal.flashsale.verifier.record.RevocationList;
import com.hyperlocal.flashsale.verifier.record.ScanLog;
import com.hyperlocal.flashsale.verifier.record.ScanRecord;
import com.hyperlocal.flashsale.verifier.record.ServerAnswer;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Uploads PENDING scans batch by batch and stores the answers. Why nothing is lost or doubled:
 * a scan stays PENDING until an answer for its client id is stored, and every resend carries the
 * same client id, which the server records once (a repeat is answered DUPLICATE).
 */
final class ScanUpload {

    record Result(int sent, int synced, int conflicts, int rejected) {}

    private final ScanLog scans;
    private final RevocationList revocations;
    private final Clock clock;
    private final int batchSize;

    ScanUpload(ScanLog scans, RevocationList revocations, Clock clock, int batchSize) {
        if (batchSize < 1 || batchSize > TillServer.MAX_BATCH) {
            throw new IllegalArgumentException("batch size must be 1.." + TillServer.MAX_BATCH);
        }
        this.scans = scans;
        this.revocations = revocations;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Throws on the first failed batch; the batches before it stay SYNCED. */
    Result run(TillServer server, String deviceId) throws ServerException {
        int sent = 0;
        int synced = 0;
        int conflicts = 0;
        int rejected = 0;
        List<ScanRecord> batch = scans.pending(batchSize);
        if (batch.isEmpty()) {
            server.checkAccess(); // nothing to send: still prove the server is reachable and the key accepted
        }
        while (!batch.isEmpty()) {
            List<ServerAnswer> answers = server.upload(deviceId, batch);
            if (answers.isEmpty()) {
                throw new ServerException(200, null, "The server answered none of the uploaded scans.", true, null);
            }
            sent += batch.size();
            synced += scans.applyAnswers(answers, clock.instant());
            // A conflict with a revocation teaches the till the revocation before the next catalogue sync.
            revocations.add(answers.stream()
                    .map(ServerAnswer::revocation)
                    .filter(Objects::nonNull)
                    .toList());
            for (ServerAnswer a : answers) {
                conflicts += "CONFLICT".equals(a.status()) ? 1 : 0;
                rejected += "REJECTED".equals(a.status()) ? 1 : 0;
            }
            batch = scans.pending(batchSize);
        }
        return new Result(sent, synced, conflicts, rejected);
    }
}
