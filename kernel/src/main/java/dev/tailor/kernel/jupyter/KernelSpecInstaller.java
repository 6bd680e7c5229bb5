package dev.tailor.kernel.jupyter;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tailor.kernel.notebook.KernelSpec;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes Tailor's kernelspec: a {@code kernel.json} whose argv starts this JVM's java on Tailor's jars with
 * {@code kernel run {connection_file}}. Installation goes through {@code jupyter kernelspec install} when
 * Jupyter is on the PATH, so Jupyter picks the right directory for {@code --user}, {@code --sys-prefix} or
 * {@code --prefix}; without Jupyter, {@code --user} and {@code --prefix} are written directly.
 */
public final class KernelSpecInstaller {

    /** The JVM flags every Tailor JVM needs on Java 25 (see the parent POM's tailor.jvmFlags). */
    public static final List<String> JVM_FLAGS = List.of(
            "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Djava.awt.headless=true");

    /** The class whose main method takes {@code kernel run CONNECTION_FILE}. */
    public static final String MAIN_CLASS = "dev.tailor.kernel.cli.Tailor";

    /** Where a spec goes: the user's Jupyter data directory, the Python environment's, or one under a prefix. */
    public sealed interface Target {

        record User() implements Target {
        }

        record SysPrefix() implements Target {
        }

        record Prefix(Path directory) implements Target {
        }
    }

    private KernelSpecInstaller() {
    }

    /** The kernel.json content for a java executable and classpath. */
    public static String kernelJson(String java, String classpath, String displayName) {
        JsonArray argv = new JsonArray();
        argv.add(java);
        JVM_FLAGS.forEach(argv::add);
        argv.add("-cp");
        argv.add(classpath);
        argv.add(MAIN_CLASS);
        argv.add("kernel");
        argv.add("run");
        argv.add("{connection_file}");
        JsonObject spec = new JsonObject();
        spec.add("argv", argv);
        spec.addProperty("display_name", displayName);
        spec.addProperty("language", KernelSpec.LANGUAGE);
        spec.addProperty("interrupt_mode", "message");
        spec.add("env", new JsonObject());
        JsonObject metadata = new JsonObject();
        metadata.addProperty("debugger", false);
        spec.add("metadata", metadata);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }

    /** Writes a spec directory named {@code name} holding kernel.json. */
    public static Path writeSpec(Path parent, String name, String kernelJson) throws IOException {
        Path dir = parent.resolve(name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("kernel.json"), kernelJson);
        return dir;
    }

    /**
     * Installs the spec and returns where it went.
     *
     * @param jupyter the {@code jupyter} command, or null when Jupyter is not installed
     */
    public static Path install(Target target, String name, String kernelJson, String jupyter) throws IOException, InterruptedException {
        if (jupyter != null) {
            Path staging = Files.createTempDirectory("tailor-kernelspec");
            Path dir = writeSpec(staging, name, kernelJson);
            List<String> command = new ArrayList<>(List.of(jupyter, "kernelspec", "install", "--replace", "--name", name));
            switch (target) {
                case Target.User user -> command.add("--user");
                case Target.SysPrefix sys -> command.add("--sys-prefix");
                case Target.Prefix prefix -> command.addAll(List.of("--prefix", prefix.directory().toAbsolutePath().toString()));
            }
            command.add(dir.toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String log = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed:\n" + log);
            }
            return installedDir(log, target, name);
        }
        Path kernels = switch (target) {
            case Target.User user -> userDataDir().resolve("kernels");
            case Target.Prefix prefix -> prefix.directory().resolve("share/jupyter/kernels");
            case Target.SysPrefix sys -> throw new IOException(
                    "--sys-prefix needs Jupyter to find the Python environment, and no jupyter command is on the PATH. "
                            + "Install Jupyter or use --user or --prefix DIR.");
        };
        return writeSpec(kernels, name, kernelJson);
    }

    private static Path installedDir(String log, Target target, String name) throws IOException {
        // "[InstallKernelSpec] Installed kernelspec tailor in /root/.local/share/jupyter/kernels/tailor"
        int at = log.lastIndexOf(" in ");
        if (at >= 0) {
            return Path.of(log.substring(at + 4).strip());
        }
        return switch (target) {
            case Target.User user -> userDataDir().resolve("kernels").resolve(name);
            case Target.Prefix prefix -> prefix.directory().resolve("share/jupyter/kernels").resolve(name);
            case Target.SysPrefix sys -> Path.of("(sys-prefix)/share/jupyter/kernels").resolve(name);
        };
    }

    /** Jupyter's per-user data directory: JUPYTER_DATA_DIR, else the platform default. */
    static Path userDataDir() {
        String override = System.getenv("JUPYTER_DATA_DIR");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        Path home = Path.of(System.getProperty("user.home"));
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("mac")) {
            return home.resolve("Library/Jupyter");
        }
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData == null ? home.toString() : appData).resolve("jupyter");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg == null || xdg.isBlank() ? home.resolve(".local/share") : Path.of(xdg)).resolve("jupyter");
    }

    /** The {@code jupyter} executable on the PATH, or null. */
    public static String findJupyter() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "jupyter");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    /**
     * The classpath a kernel should start with: {@code lib/*} beside the kernel jar plus the jar itself when this
     * code runs from the built jar (as the tailor launcher does), else this JVM's own classpath.
     */
    public static String currentClasspath() {
        try {
            Path location = Path.of(KernelSpecInstaller.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = location.resolveSibling("lib");
            if (Files.isRegularFile(location) && Files.isDirectory(lib)) {
                return lib.toAbsolutePath() + File.separator + "*" + File.pathSeparator + location.toAbsolutePath();
            }
        } catch (java.net.URISyntaxException | SecurityException | NullPointerException e) {
            // fall through to the JVM's classpath
        }
        List<String> absolute = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                absolute.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, absolute);
    }

    /** This JVM's java executable. */
    public static String currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
