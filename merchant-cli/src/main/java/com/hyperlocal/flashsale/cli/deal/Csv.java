package com.hyperlocal.flashsale.cli.deal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A small RFC 4180 reader: comma-separated, fields optionally in double quotes, {@code ""} for a
 * quote inside quotes, quoted fields may hold commas and line breaks, CRLF or LF line ends.
 * Lenient where harmless: blank lines are skipped, a UTF-8 BOM is dropped. A record that breaks
 * the quoting rules is returned with an error instead of failing the whole file, so an import
 * can report it as one rejected row.
 */
public final class Csv {

    /**
     * @param line   the file line the record starts on (1 = first line), shown to the merchant
     * @param fields the unquoted fields
     * @param raw    the record's text exactly as in the file, without its line break
     * @param error  why the record is malformed, or null
     */
    public record Record(
            int line,
            List<String> fields,
            String raw,
            @Nullable String error) {}

    private Csv() {}

    public static List<Record> parse(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Record> records = new ArrayList<>();
        int i = 0;
        int line = 1;
        int n = s.length();
        while (i < n) {
            int start = i;
            int startLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            String error = null;
            boolean endOfRecord = false;
            while (!endOfRecord) {
                // one field
                if (i < n && s.charAt(i) == '"') {
                    i++;
                    boolean closed = false;
                    while (i < n) {
                        char c = s.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && s.charAt(i + 1) == '"') {
                                field.append('"');
                                i += 2;
                            } else {
                                i++;
                                closed = true;
                                break;
                            }
                        } else {
                            if (c == '\n') {
                                line++;
                            }
                            field.append(c);
                            i++;
                        }
                    }
                    if (!closed) {
                        error = "a quoted field is never closed (missing \")";
                    } else if (i < n && s.charAt(i) != ',' && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                        error = "unexpected text after a closing quote";
                        while (i < n && s.charAt(i) != ',' && s.charAt(i) != '\n') {
                            i++; // skip the junk up to the next field
                        }
                    }
                } else {
                    while (i < n && s.charAt(i) != ',' && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                        if (s.charAt(i) == '"' && error == null) {
                            error = "a quote inside an unquoted field (quote the whole field and double the quote)";
                        }
                        field.append(s.charAt(i++));
                    }
                }
                fields.add(field.toString());
                field.setLength(0);
                if (i < n && s.charAt(i) == ',') {
                    i++;
                } else {
                    endOfRecord = true;
                }
            }
            int end = i;
            if (i < n && s.charAt(i) == '\r') {
                i++;
            }
            if (i < n && s.charAt(i) == '\n') {
                i++;
                line++;
            }
            String raw = s.substring(start, end);
            if (!raw.isBlank()) {
                records.add(new Record(startLine, List.copyOf(fields), raw, error));
            }
        }
        return records;
    }
}
