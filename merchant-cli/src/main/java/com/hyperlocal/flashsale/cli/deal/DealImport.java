package com.hyperlocal.flashsale.cli.deal;

import com.hyperlocal.flashsale.cli.ApiErrors;
import com.hyperlocal.flashsale.cli.CliException;
import com.hyperlocal.flashsale.cli.Environment;
import com.hyperlocal.flashsale.cli.ExitCodes;
import com.hyperlocal.flashsale.cli.Table;
import com.hyperlocal.flashsale.cli.Terminal;
import com.hyperlocal.flashsale.client.ApiException;
import com.hyperlocal.flashsale.client.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code deal import FILE.csv}: one deal per row. Safe to re-run: each row is sent with an
 * Idempotency-Key derived from what the row means ({@link ImportKeys}), so a deal the server
 * already has comes back as "already existed" wherever its row now sits in the file.
 */
@Command(
        name = "import",
        description = {
            "Create deals from a CSV file with the header row",
            "  title,description,lat,lng,inventory,starts,ends,duration[,key]",
            "(description, starts, ends, duration, key may be empty; each row needs ends or duration).",
            "Importing the same deals again creates none of them twice, whatever the order of the rows.",
            "Exit code 8 when some rows were rejected."
        })
public final class DealImport extends DealCommand.Base {

    /**
     * What happened to one row. {@code outcome}: created, already-existed or rejected.
     * {@code note}: set when the row's {@code key} was imported before with other content.
     * {@code earlierDealId}: then the deal that key made first.
     */
    public record RowResult(
            int row,
            String outcome,
            @Nullable UUID dealId,
            @Nullable String title,
            @Nullable String reason,
            @Nullable String note,
            @Nullable UUID earlierDealId) {

        static RowResult rejected(int row, String reason) {
            return new RowResult(row, "rejected", null, null, reason, null, null);
        }
    }

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
        ImportRow importer = new ImportRow(connection.client(env), columns, env.clock()); // no key: fail now
        List<RowResult> results = new ArrayList<>();
        Map<String, Integer> keys = new HashMap<>();
        Progress progress = new Progress(spec.commandLine().getErr(), env.stderrIsTerminal(), rows.size());
        try {
            for (Csv.Record row : rows) {
                results.add(once(row, columns, keys).orElseGet(() -> importer.send(row)));
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

    /** A {@code key} names one deal: a second row with it in the same file is a mistake. */
    private static Optional<RowResult> once(Csv.Record row, CsvColumns columns, Map<String, Integer> keys) {
        String key = row.error() == null ? columns.key(row) : null;
        if (key == null) {
            return Optional.empty();
        }
        Integer first = keys.putIfAbsent(key, row.line());
        return first == null
                ? Optional.empty()
                : Optional.of(RowResult.rejected(
                        row.line(), "key '" + key + "' is already used by row " + first + "; each key names one deal"));
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
                Terminal.line(file), created.size(), existed.size(), rejected.size(), results.size(), rows);
        if (!created.isEmpty() || !existed.isEmpty()) {
            Table t = new Table("ROW", "RESULT", "DEAL", "TITLE");
            for (RowResult r : results) {
                if (r.dealId() != null) {
                    t.row(r.row(), r.outcome(), r.dealId(), Table.clip(r.title(), 32));
                }
            }
            t.print(out);
        }
        List<RowResult> changed = results.stream().filter(r -> r.note() != null).toList();
        if (!changed.isEmpty()) {
            out.println("Changed rows (their key was imported before with other content):");
            for (RowResult r : changed) {
                out.println("  row " + r.row() + ": " + Terminal.line(r.note()));
            }
        }
        if (!rejected.isEmpty()) {
            out.println("Rejected rows (fix them and import the file again):");
            for (RowResult r : rejected) {
                out.println("  row " + r.row() + ": " + Terminal.line(r.reason()));
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
