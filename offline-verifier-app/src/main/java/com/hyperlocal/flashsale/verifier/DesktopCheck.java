package com.hyperlocal.flashsale.verifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Before JavaFX starts on Linux: are the system libraries its GTK window toolkit loads there, and
 * is there a display? JavaFX itself only says "Unable to load glass GTK library"; this names the
 * missing libraries and the command that installs them.
 */
public final class DesktopCheck {

    /** Library file → Debian/Ubuntu package. Read off JavaFX 21's libglassgtk3.so and font libraries. */
    static final Map<String, String> LINUX_LIBRARIES = new LinkedHashMap<>();

    static {
        LINUX_LIBRARIES.put("libgtk-3.so.0", "libgtk-3-0");
        LINUX_LIBRARIES.put("libgdk-3.so.0", "libgtk-3-0");
        LINUX_LIBRARIES.put("libXtst.so.6", "libxtst6");
        LINUX_LIBRARIES.put("libX11.so.6", "libx11-6");
        LINUX_LIBRARIES.put("libpangoft2-1.0.so.0", "libpango-1.0-0");
        LINUX_LIBRARIES.put("libfontconfig.so.1", "libfontconfig1");
        LINUX_LIBRARIES.put("libfreetype.so.6", "libfreetype6");
    }

    private static final List<String> STANDARD_DIRS = List.of(
            "/lib",
            "/lib64",
            "/usr/lib",
            "/usr/lib64",
            "/lib/x86_64-linux-gnu",
            "/usr/lib/x86_64-linux-gnu",
            "/lib/aarch64-linux-gnu",
            "/usr/lib/aarch64-linux-gnu",
            "/usr/local/lib");

    private DesktopCheck() {}

    /** The libraries of {@link #LINUX_LIBRARIES} found in none of {@code dirs}. */
    static List<String> missing(List<Path> dirs) {
        List<String> out = new ArrayList<>();
        for (String lib : LINUX_LIBRARIES.keySet()) {
            if (dirs.stream().noneMatch(d -> Files.exists(d.resolve(lib)))) {
                out.add(lib);
            }
        }
        return out;
    }

    /** A message naming what is missing and how to install it; empty when all is there. */
    static String problem(List<String> missing, boolean display) {
        StringBuilder b = new StringBuilder();
        if (!missing.isEmpty()) {
            Set<String> packages = new LinkedHashSet<>();
            missing.forEach(l -> packages.add(LINUX_LIBRARIES.get(l)));
            b.append("The till's window needs system libraries that are not installed: ")
                    .append(String.join(", ", missing))
                    .append(".\nInstall them with:\n    sudo apt-get install -y ")
                    .append(String.join(" ", packages))
                    .append("\n(Fedora: sudo dnf install gtk3 libXtst)\n");
        }
        if (!display) {
            b.append("No display: DISPLAY and WAYLAND_DISPLAY are not set. Start the till from a desktop "
                    + "session, or for a check without a screen: xvfb-run offline-verifier-app/bin/verifier\n");
        }
        return b.toString();
    }

    /** The loader's search path: LD_LIBRARY_PATH, /etc/ld.so.conf.d, and the standard folders. */
    static List<Path> librarySearchPath() {
        List<Path> dirs = new ArrayList<>();
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            for (String d : ld.split(":")) {
                if (!d.isBlank()) {
                    dirs.add(Path.of(d));
                }
            }
        }
        try (Stream<Path> confs = Files.list(Path.of("/etc/ld.so.conf.d"))) {
            for (Path conf : confs.filter(p -> p.toString().endsWith(".conf")).toList()) {
                for (String line : Files.readAllLines(conf)) {
                    String l = line.strip();
                    if (l.startsWith("/")) {
                        dirs.add(Path.of(l));
                    }
                }
            }
        } catch (IOException e) {
            // No ld.so.conf.d (not glibc): the standard folders below still apply.
        }
        STANDARD_DIRS.forEach(d -> dirs.add(Path.of(d)));
        return dirs;
    }

    /** Prints the problem and returns false when the window cannot open here. Linux's GTK only. */
    public static boolean ready() {
        if (!System.getProperty("os.name", "")
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("linux")
                || Boolean.getBoolean("verifier.skipDesktopCheck")) {
            return true;
        }
        // Monocle (headless glass: the tests, the build's smoke run) draws in memory and loads no
        // GTK or X library; it needs no display either.
        if ("Monocle".equals(System.getProperty("glass.platform"))) {
            return true;
        }
        boolean display = notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
        String problem = problem(missing(librarySearchPath()), display);
        if (problem.isEmpty()) {
            return true;
        }
        System.err.print(problem);
        return false;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
