package org.vigil.testing;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * What a test needs from outside the repository (the shared corpus and data beside it, Chromium,
 * python3) and what happens when it is missing: with the environment variable {@code CI=true} the
 * test fails, since a CI run that quietly skipped its evaluation would pass while proving nothing;
 * anywhere else it is skipped, and the reason is printed on stderr as well as recorded, so a
 * developer sees what did not run.
 *
 * <p>Call it from the test method or a {@code @BeforeEach}: a skip in {@code @BeforeAll} takes the
 * whole class out of the test count, so that is refused.
 *
 * <pre>{@code
 * Path dev = Needs.shared("corpus/dev");
 * Needs.present(Files.isExecutable(CHROMIUM), "Chromium at " + CHROMIUM, "apt-get install chromium chromium-driver");
 * }</pre>
 */
public final class Needs {
    /** The environment variable CI machines set; {@code true} turns every skip into a failure. */
    public static final String CI = "CI";
    /** The system property that says where the shared folder is (the build passes ../shared). */
    public static final String SHARED_PROPERTY = "vigil.shared";

    private final Map<String, String> env;
    private final PrintStream err;

    Needs(Map<String, String> env, PrintStream err) {
        this.env = env;
        this.err = err;
    }

    private static Needs system() {
        return new Needs(System.getenv(), System.err);
    }

    /** True when this run is a CI run ({@code CI=true}, any case). */
    public static boolean ci() {
        return system().isCi();
    }

    boolean isCi() {
        return "true".equalsIgnoreCase(env.getOrDefault(CI, "").strip());
    }

    /**
     * The shared folder: {@code -Dvigil.shared} when it is a folder, else {@code ../shared} or
     * {@code ../../shared} from the working directory (a module or the repository); empty when none is.
     */
    public static Optional<Path> sharedRoot() {
        String p = System.getProperty(SHARED_PROPERTY);
        if (p != null && !p.isBlank() && Files.isDirectory(Path.of(p))) {
            return Optional.of(Path.of(p));
        }
        for (Path c : List.of(Path.of("..", "shared"), Path.of("..", "..", "shared"))) {
            if (Files.isDirectory(c)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** {@code relative} inside the shared folder; the calling test fails under CI, else skips, when it is not there. */
    public static Path shared(String relative) {
        Optional<Path> root = sharedRoot();
        Path path = root.map(r -> r.resolve(relative)).orElse(null);
        system().require(path != null && Files.exists(path), "../shared/" + relative,
                root.map(r -> "it is not in " + r.toAbsolutePath().normalize()).orElse("no shared folder beside the repository")
                        + "; put the shared folder there or pass -D" + SHARED_PROPERTY + "=PATH");
        return path;
    }

    /** Goes on when {@code present}; otherwise the calling test fails under CI, else skips, naming {@code what} and the remedy. */
    public static void present(boolean present, String what, String remedy) {
        system().require(present, what, remedy);
    }

    /** Goes on when {@code command --version} runs and exits 0 within 30 s (python3, say). */
    public static void command(String command, String remedy) {
        boolean runs;
        try {
            Process p = new ProcessBuilder(command, "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            runs = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            p.destroyForcibly();
        } catch (IOException e) {
            runs = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runs = false;
        }
        system().require(runs, "the command '" + command + "'", remedy);
    }

    void require(boolean present, String what, String remedy) {
        StackWalker.StackFrame caller = caller();
        refuseBeforeAll(caller);
        if (present) {
            return;
        }
        String where = testName(caller);
        if (isCi()) {
            throw new AssertionFailedError(where + " needs " + what + ", which is missing (" + remedy
                    + "); CI=true, so this is a failure, not a skip");
        }
        String message = where + " needs " + what + ", which is missing (" + remedy + "); skipped here, and a failure when CI=true";
        err.println("SKIPPED " + message);
        throw new TestAbortedException(message);
    }

    /** The first frame outside this class: the test, or the test's own helper. */
    private static StackWalker.StackFrame caller() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(s -> s.filter(f -> f.getDeclaringClass() != Needs.class).findFirst().orElse(null));
    }

    /** The test method on the stack (annotated @Test, @ParameterizedTest, ...), else {@code fallback}: what a message names. */
    private static String testName(StackWalker.StackFrame fallback) {
        String found = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(s -> s
                .filter(f -> f.getDeclaringClass() != Needs.class && isTestMethod(f))
                .map(f -> simpleName(f.getClassName()) + "." + f.getMethodName()).findFirst().orElse(null));
        return found != null ? found : fallback == null ? "a test" : simpleName(fallback.getClassName()) + "." + fallback.getMethodName();
    }

    private static boolean isTestMethod(StackWalker.StackFrame f) {
        for (Method m : f.getDeclaringClass().getDeclaredMethods()) {
            if (m.getName().equals(f.getMethodName())) {
                for (var a : m.getAnnotations()) {
                    String name = a.annotationType().getSimpleName();
                    if (name.endsWith("Test") || name.equals("BeforeEach")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A skip thrown from {@code @BeforeAll} makes every test of the class vanish from the count. */
    private static void refuseBeforeAll(StackWalker.StackFrame caller) {
        if (caller == null) {
            return;
        }
        for (Method m : caller.getDeclaringClass().getDeclaredMethods()) {
            if (m.getName().equals(caller.getMethodName()) && m.isAnnotationPresent(BeforeAll.class)) {
                throw new IllegalStateException(simpleName(caller.getClassName()) + "." + caller.getMethodName()
                        + " is a @BeforeAll method: check what a test needs in the test or a @BeforeEach, "
                        + "where a skip is counted per test instead of hiding the class from the count");
            }
        }
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
