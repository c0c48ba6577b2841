package com.hyperlocal.flashsale.cli;

/**
 * The process exit codes, documented in the README and in {@code flashdeal --help}. Scripts rely
 * on them, so never renumber.
 */
public final class ExitCodes {
    public static final int OK = 0;
    /** {@code voucher verify}: the voucher must not be honoured. */
    public static final int VOUCHER_INVALID = 1;
    /** Bad flags or values, including local validation of a deal. */
    public static final int USAGE = 2;
    /** The server refused the request (4xx other than 401 and 404). */
    public static final int REJECTED = 3;
    /** 401: missing, wrong or revoked API key. */
    public static final int UNAUTHORIZED = 4;
    /** 404: no such deal, or it belongs to another merchant. */
    public static final int NOT_FOUND = 5;
    /** Server unreachable, timed out, or answered 5xx. */
    public static final int UNAVAILABLE = 6;
    /** Local problem: no API key, key cache missing or unreadable, file unreadable. */
    public static final int LOCAL = 7;
    /** {@code deal import} finished but some rows were rejected. */
    public static final int IMPORT_REJECTED_ROWS = 8;
    /** A bug in flashdeal itself; rerun with --verbose and report the stack trace. */
    public static final int INTERNAL = 9;
    /** {@code webhooks test}: the endpoint did not answer 2xx. */
    public static final int WEBHOOK_TEST_FAILED = 10;

    static final String HELP_TABLE = """
            Exit codes:
              0  ok
              1  voucher invalid
              2  usage error (bad flag or value)
              3  rejected by the server (4xx)
              4  not authorised (401: check the API key)
              5  not found (404)
              6  server unreachable or failing (5xx)
              7  local problem (config, API key, key cache, file)
              8  import finished with rejected rows
              9  internal error (rerun with --verbose)
             10  webhook test not accepted by the endpoint""";

    private ExitCodes() {}
}
