package com.hyperlocal.flashsale.verifier.sync;

import com.hyperlocal.flashsale.crypto.KeyCache;
import com.hyperlocal.flashsale.verifier.record.DealInfo;
import com.hyperlocal.flashsale.verifier.record.Revocation;
import com.hyperlocal.flashsale.verifier.record.ScanRecord;
import com.hyperlocal.flashsale.verifier.record.ServerAnswer;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the till needs from the platform; one implementation talks HTTP, tests may use others. */
public interface TillServer {

    int MAX_BATCH = 500;

    /** One page of the revocation list, continuing from a cursor. */
    record RevocationPage(
            List<Revocation> revocations, @Nullable String cursor, boolean hasMore) {}

    /** Proves the server is reachable and accepts this till's API key. */
    void checkAccess() throws ServerException;

    /** Uploads up to {@value #MAX_BATCH} scans; answers come back in upload order. */
    List<ServerAnswer> upload(String deviceId, List<ScanRecord> scans) throws ServerException;

    /** Every deal of this till's merchant. */
    List<DealInfo> deals() throws ServerException;

    /** Revocations after {@code cursor} (null: from the start), at most {@code limit}. */
    RevocationPage revocations(@Nullable String cursor, int limit) throws ServerException;

    /** Issuer, keys and merchant id, as the shared key cache holds them. */
    KeyCache fetchKeys(Clock clock) throws ServerException;
}
