package com.hyperlocal.flashsale.cli.deal;

import com.hyperlocal.flashsale.cli.ApiErrors;
import com.hyperlocal.flashsale.client.ApiException;
import com.hyperlocal.flashsale.client.CreateDealRequest;
import com.hyperlocal.flashsale.client.Created;
import com.hyperlocal.flashsale.client.FlashSaleClient;
import com.hyperlocal.flashsale.client.Problem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One CSV row checked and sent. The rule (merchant-cli/README.md, "Re-importing"): without a
 * {@code key}, the Idempotency-Key is the row's normalised content, so an unchanged deal is found
 * again and an edited one is a new deal. With a {@code key}, the key is the merchant's; when the
 * server refuses it because it already made a deal with other content (422
 * idempotency-key-reused), the edited row is created as a new deal under key + content and
 * reported as changed, and the earlier deal is left as it was.
 */
final class ImportRow {

    static final String REUSED = "idempotency-key-reused";

    private final FlashSaleClient client;
    private final CsvColumns columns;
    private final Clock clock;

    ImportRow(FlashSaleClient client, CsvColumns columns, Clock clock) {
        this.client = client;
        this.columns = columns;
        this.clock = clock;
    }

    /** The row's outcome; an ApiException that is not this row's fault propagates (stop the import). */
    DealImport.RowResult send(Csv.Record row) {
        Instant now = clock.instant();
        List<String> problems = new ArrayList<>();
        String malformed = row.error();
        Optional<DealDraft> parsed =
                malformed != null ? Optional.empty() : columns.draft(row, clock.getZone(), problems);
        if (malformed != null) {
            problems.add(malformed);
        }
        Optional<DealDraft> draft = parsed.map(DealDraft::normalised);
        draft.ifPresent(d -> problems.addAll(d.problems(now)));
        if (!problems.isEmpty() || draft.isEmpty()) {
            return DealImport.RowResult.rejected(row.line(), String.join("; ", problems));
        }
        DealDraft d = draft.get();
        CreateDealRequest request = d.toImportRequest(now);
        String key = columns.key(row);
        try {
            if (key == null) {
                return result(row, client.createDeal(request, ImportKeys.content(d)), null, null);
            }
            try {
                return result(row, client.createDeal(request, ImportKeys.explicit(key)), null, null);
            } catch (ApiException.HttpError e) {
                if (!e.slug().filter(REUSED::equals).isPresent()) {
                    throw e;
                }
                UUID earlier = e.problem().map(Problem::dealId).orElse(null);
                Created c = client.createDeal(request, ImportKeys.edited(key, d));
                return result(row, c, changed(c.replayed(), earlier), earlier);
            }
        } catch (ApiException e) {
            // The row's own fault (400/409/422...): report it and go on. Anything else (bad key,
            // server down, rate limited) would fail every following row too: stop the import.
            if (ApiErrors.rejectsOnlyThisRequest(e)) {
                return DealImport.RowResult.rejected(
                        row.line(), "server rejected it: " + ((ApiException.HttpError) e).said());
            }
            throw e;
        }
    }

    private static String changed(boolean replayed, @Nullable UUID earlier) {
        String was = earlier == null ? "the earlier deal" : "deal " + earlier;
        return (replayed
                        ? "changed since the key's first import — this version already existed"
                        : "changed since the last import — created as a new deal")
                + "; " + was + " keeps the earlier version (close it with `flashdeal deal close "
                + (earlier == null ? "ID" : earlier) + "` if this one replaces it)";
    }

    private static DealImport.RowResult result(
            Csv.Record row, Created c, @Nullable String note, @Nullable UUID earlier) {
        return new DealImport.RowResult(
                row.line(),
                c.replayed() ? "already-existed" : "created",
                c.deal().id(),
                c.deal().title(),
                null,
                note,
                earlier);
    }
}
