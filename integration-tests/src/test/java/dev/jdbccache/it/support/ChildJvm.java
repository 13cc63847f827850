package dev.jdbccache.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A second JVM with a class path of the test's choosing: what a class loader or a jar does can
 * only be seen where our own test class path is not. Its output (stdout and stderr) is returned
 * once it has exited with status 0.
 */
public final class ChildJvm {

    private static final long TIMEOUT_SECONDS = 120;

    private ChildJvm() {
    }

    /** The entries of this JVM's class path that {@code keep} accepts. */
    public static List<String> testClassPath(Predicate<String> keep) {
        List<String> kept = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (keep.test(entry)) {
                kept.add(entry);
            }
        }
        return kept;
    }

    /** The one class path entry of this JVM that holds a Maven artifact of {@code group} (dots as folders). */
    public static String artifactOnTestClassPath(String group) {
        String folder = File.separator + group.replace('.', File.separatorChar) + File.separator;
        List<String> found = testClassPath(entry -> entry.contains(folder));
        assertEquals(1, found.size(), "entries of " + group + " on the test class path: " + found);
        return found.get(0);
    }

    /**
     * A folder holding only the class file of {@code main} (a nested class that names nothing of
     * the tests), so that a child can run it with nothing else of ours on its class path.
     */
    public static Path classFileOnly(Class<?> main, Path folder) {
        String resource = main.getName().replace('.', '/') + ".class";
        Path target = folder.resolve(resource);
        try (var in = main.getClassLoader().getResourceAsStream(resource)) {
            Files.createDirectories(target.getParent());
            Files.write(target, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    /** The command line of a child JVM running {@code main} with {@code classPath} and {@code args}. */
    private static List<String> command(List<String> classPath, Class<?> main, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp",
                String.join(File.pathSeparator, classPath), main.getName()));
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** Runs {@code main} with {@code classPath} and {@code args}; fails unless it exits with 0 in time. */
    public static String run(List<String> classPath, Class<?> main, String... args) {
        List<String> command = command(classPath, main, args);
        try {
            // to a file, not a pipe: a child that filled the pipe would block, and the timeout still applies
            Path output = Files.createTempFile("child-jvm", ".log");
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            try {
                boolean exited = child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                String text = Files.readString(output, StandardCharsets.UTF_8);
                assertTrue(exited, "the child JVM did not finish in " + TIMEOUT_SECONDS + " s: " + text);
                assertEquals(0, child.exitValue(), text);
                return text;
            } finally {
                child.destroyForcibly();
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while the child JVM ran", e);
        }
    }

    /** A child JVM that runs until it is killed: its output so far, and a way to wait for a line of it. */
    public static final class Running implements AutoCloseable {
        private final Process process;
        private final Path output;

        private Running(Process process, Path output) {
            this.process = process;
            this.output = output;
        }

        /** What it printed so far. */
        public String output() {
            try {
                return Files.readString(output, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Waits until it printed a line containing {@code text}; fails when it exits first or after {@code seconds}. */
        public void awaitOutput(String text, long seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (!output().contains(text)) {
                assertTrue(process.isAlive(), "the child JVM exited before printing '" + text + "': " + output());
                assertTrue(System.nanoTime() - deadline < 0, "the child JVM did not print '" + text + "' in " + seconds
                        + " s: " + output());
                Thread.sleep(20);
            }
        }

        /** Kills it as a crash would (SIGKILL): nothing of it runs on exit. */
        public void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws IOException {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Files.deleteIfExists(output);
        }
    }

    /** Starts {@code main} with {@code classPath} and {@code args}, and returns while it runs. */
    public static Running start(List<String> classPath, Class<?> main, String... args) {
        List<String> command = command(classPath, main, args);
        try {
            Path output = Files.createTempFile("child-jvm", ".log");
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            return new Running(child, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
