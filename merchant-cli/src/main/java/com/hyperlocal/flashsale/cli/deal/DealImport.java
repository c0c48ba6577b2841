package com.hyperlocal.flashsale.cli.deal;

import com.hyperlocal.flashsale.cli.ApiErrors;
import com.hyperlocal.flashsale.cli.CliException;
import com.hyperlocal.flashsale.cli.Environment;
import com.hyperlocal.flashsale.cli.ExitCodes;
import com.hyperlocal.flashsale.cli.Table;
import com.hyperlocal.flashsale.client.ApiException;
import com.hyperlocal.flashsale.client.Created;
import com.hyperlocal.flashsale.client.FlashSaleClient;
import com.hyperlocal.flashsale.client.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code deal import FILE.csv}: one deal per row. Safe to re-run after a failure: each row is
 * sent with an Idempotency-Key derived from its line number and text, so rows the server
 * already created come back as "already existed" instead of being created twice.
 */
@Command(
        name = "import",
        description = {
            "Create deals from a CSV file with the header row",
            "  title,description,lat,lng,inventory,starts,ends,duration",
            "(description, starts, ends, duration may be empty; each row needs ends or duration).",
            "Re-running the same file after a failure creates no duplicates.",
            "Exit code 8 when some rows were rejected."
        })
public final class DealImport extends DealCommand.Base {

    /** What happened to one row. {@code outcome}: created, already-existed or rejected. */
    public record RowResult(
            int row,
            String outcome,
            @Nullable UUID dealId,
            @Nullable String title,
            @Nullable String reason) {}

    /** The whole import, as printed with --output json. */
    public record Report(
            String file, int rows, List<RowResult> created, List<RowResult> alreadyExisted, List<RowResult> rejected) {}

    @Parameters(paramLabel = "FILE.csv", description = "The CSV file (UTF-8).")
    Path file;

    public DealImport(Environment env) {
        super(env);
    }

    @Override
    public Integer call() {
        List<Csv.Record> records = Csv.parse(read());
        if (records.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    file + " is empty; it needs the header row " + CsvColumns.EXPECTED + " and one row per deal");
        }
        CsvColumns columns;
        try {
            columns = CsvColumns.of(records.get(0));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), file + ": " + e.getMessage());
        }
        List<Csv.Record> rows = records.subList(1, records.size());
        FlashSaleClient client = connection.client(env); // fail on a missing key before any work
        List<RowResult> results = new ArrayList<>();
        Progress progress = new Progress(spec.commandLine().getErr(), env.stderrIsTerminal(), rows.size());
        try {
            for (Csv.Record row : rows) {
                results.add(importRow(client, columns, row));
                progress.step();
            }
        } catch (ApiException e) {
            progress.finish();
            report(results, rows.size());
            int stoppedAt = rows.get(results.size()).line();
            throw new CliException(
                    ApiErrors.exitCode(e),
                    "stopped at row " + stoppedAt + ": "
                            + ApiErrors.message(e) + ". Rows before it are saved; run the same import again "
                            + "to finish (it will not create duplicates)",
                    e);
        }
        progress.finish();
        Report report = report(results, rows.size());
        return report.rejected().isEmpty() ? ExitCodes.OK : ExitCodes.IMPORT_REJECTED_ROWS;
    }

    private RowResult importRow(FlashSaleClient client, CsvColumns columns, Csv.Record row) {
        Instant now = env.clock().instant();
        List<String> problems = new ArrayList<>();
        String malformed = row.error();
        Optional<DealDraft> draft = malformed != null
                ? Optional.empty()
                : columns.draft(row, env.clock().getZone(), problems);
        if (malformed != null) {
            problems.add(malformed);
        } else {
            draft.ifPresent(d -> problems.addAll(d.problems(now)));
        }
        if (!problems.isEmpty() || draft.isEmpty()) {
            return new RowResult(row.line(), "rejected", null, null, String.join("; ", problems));
        }
        try {
            Created c = client.createDeal(draft.get().toRequest(now), idempotencyKey(row));
            return new RowResult(
                    row.line(),
                    c.replayed() ? "already-existed" : "created",
                    c.deal().id(),
                    c.deal().title(),
                    null);
        } catch (ApiException e) {
            // The row's own fault (400/409/422...): report it and go on. Anything else (bad key,
            // server down, rate limited) would fail every following row too: stop the import.
            if (ApiErrors.rejectsOnlyThisRequest(e)) {
                return new RowResult(
                        row.line(),
                        "rejected",
                        null,
                        null,
                        "server rejected it: " + ((ApiException.HttpError) e).said());
            }
            throw e;
        }
    }

    /** Hex SHA-256 of {@code line + ":" + raw row text}, first 32 chars: stable across re-runs. */
    static String idempotencyKey(Csv.Record row) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((row.line() + ":" + row.raw()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private Report report(List<RowResult> results, int rows) {
        List<RowResult> created = filter(results, "created");
        List<RowResult> existed = filter(results, "already-existed");
        List<RowResult> rejected = filter(results, "rejected");
        Report report = new Report(file.toString(), rows, created, existed, rejected);
        PrintWriter out = out();
        if (output.json()) {
            out.println(Json.pretty(report));
            return report;
        }
        out.printf(
                "%s: %d created, %d already existed, %d rejected (%d of %d rows processed).%n",
                file, created.size(), existed.size(), rejected.size(), results.size(), rows);
        if (!created.isEmpty() || !existed.isEmpty()) {
            Table t = new Table("ROW", "RESULT", "DEAL", "TITLE");
            for (RowResult r : results) {
                if (r.dealId() != null) {
                    t.row(r.row(), r.outcome(), r.dealId(), Table.clip(r.title(), 32));
                }
            }
            t.print(out);
        }
        if (!rejected.isEmpty()) {
            out.println("Rejected rows (fix them and import the file again):");
            for (RowResult r : rejected) {
                out.println("  row " + r.row() + ": " + r.reason());
            }
        }
        out.flush();
        return report;
    }

    private static List<RowResult> filter(List<RowResult> results, String outcome) {
        return results.stream().filter(r -> r.outcome().equals(outcome)).toList();
    }

    private String read() {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw CliException.local("cannot read " + file + ": it is not UTF-8 text (save the CSV as UTF-8)", e);
        } catch (IOException e) {
            throw CliException.cannotRead(file, e);
        }
    }
}
