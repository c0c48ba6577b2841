package com.hyperlocal.flashsale.cli;

import picocli.CommandLine.Option;

/** {@code --output} and {@code --verbose}, mixed into every command. */
public class OutputOptions {

    public enum Format {
        table,
        json
    }

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "table",
            description = "table (for people) or json (for scripts). Default: ${DEFAULT-VALUE}.")
    Format output = Format.table;

    @Option(
            names = {"-v", "--verbose"},
            description = "Show stack traces on errors.")
    boolean verbose;

    @Option(names = "--utc", description = "Show times in UTC instead of the local time zone.")
    boolean utc;

    public boolean json() {
        return output == Format.json;
    }

    /** How this command shows times in table mode. */
    public Times times(Environment env) {
        return new Times(env.clock().getZone(), utc);
    }
}
