package com.hyperlocal.flashsale.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/** Runs flashdeal in-process exactly as main() does, capturing stdout and stderr. */
public final class CliRun {

    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }

    private CliRun() {}

    /** An environment under {@code dir} with the given variables, nothing from the real one. */
    public static Environment env(Path dir, Clock clock, String... vars) {
        return envWithStdin(dir, clock, "", vars);
    }

    public static Environment envWithStdin(Path dir, Clock clock, String stdin, String... vars) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i + 1 < vars.length; i += 2) {
            env.put(vars[i], vars[i + 1]);
        }
        return new Environment(
                env,
                dir.resolve("config/flashsale"),
                clock,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                false);
    }

    public static Result run(Environment env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = FlashdealCli.newCommandLine(env);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
