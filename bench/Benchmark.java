import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The one command of the benchmark of issues 14 and 19 (bench/README.md), from the repository root:
 * {@code [ORIGINAL=<checkout>] java bench/Benchmark.java}; {@code java bench/Benchmark.java
 * brownout} runs issue 20's brownout instead.
 *
 * <p>The benchmark itself is the package {@code bench} in bench/src/, one class per job. JDK 17's
 * source launcher runs a single file only, so this file compiles those classes, with the token
 * tool (tools/MintToken.java, the project's one RS256 signer) and the integration tests' server
 * layout (ServerLayout) and fault proxy (FaultProxy), into target/bench/classes with the JDK's own
 * compiler, and runs {@code bench.Main} in this JVM. Nothing but a JDK is needed to start it; Maven is needed only for the
 * build the benchmark runs itself.
 */
public class Benchmark {

  static final List<String> SHARED =
      List.of("tools/MintToken.java", "src/test/java/it/org/contacts/support/ServerLayout.java",
          "src/test/java/it/org/contacts/support/FaultProxy.java");

  public static void main(String[] args) throws Throwable {
    Path repo = Path.of("").toAbsolutePath();
    if (!Files.exists(repo.resolve("bench/Benchmark.java"))) {
      throw new IllegalStateException("run from the repository root: java bench/Benchmark.java");
    }
    Path classes = repo.resolve("target/bench/classes");
    compile(repo, classes);
    // Not closed: the benchmark's shutdown hook still loads classes from it when the JVM ends.
    URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, Benchmark.class.getClassLoader());
    try {
      loader.loadClass("bench.Main").getMethod("main", String[].class).invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  static void compile(Path repo, Path classes) throws IOException {
    List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17"));
    try (Stream<Path> sources = Files.list(repo.resolve("bench/src"))) {
      sources.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> arguments.add(f.toString()));
    }
    SHARED.forEach(file -> arguments.add(repo.resolve(file).toString()));
    if (Files.exists(classes)) {
      try (Stream<Path> old = Files.walk(classes)) {
        for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null || javac.run(null, null, null, arguments.toArray(String[]::new)) != 0) {
      throw new IllegalStateException("could not compile the benchmark's classes (bench/src) with this JDK");
    }
  }
}
