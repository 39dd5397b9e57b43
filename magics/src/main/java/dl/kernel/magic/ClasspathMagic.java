package dl.kernel.magic;

import dl.kernel.CellError;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code %jars PATH...} adds jar files and {@code %classpath PATH...} adds jars or class
 * directories to the classpath of notebook code (compiler and class loader). Globs allowed;
 * a path that does not exist is an error, not a silent no-op.
 */
final class ClasspathMagic implements LineMagic {

    private final String name;
    private final boolean jarsOnly;

    private ClasspathMagic(String name, boolean jarsOnly) {
        this.name = name;
        this.jarsOnly = jarsOnly;
    }

    static ClasspathMagic jars() {
        return new ClasspathMagic("jars", true);
    }

    static ClasspathMagic classpath() {
        return new ClasspathMagic("classpath", false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String usage() {
        return jarsOnly ? "%jars PATH..." : "%classpath PATH...";
    }

    @Override
    public String help() {
        return jarsOnly ? "add jar files to the classpath (globs allowed: %jars lib/*.jar)"
                : "add jars or class directories to the classpath (globs allowed)";
    }

    @Override
    public void run(String args, MagicContext ctx) throws CellError {
        List<String> patterns = new ArrayList<>();
        for (String word : MagicArgs.split(args)) {
            for (String part : word.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    patterns.add(part);
                }
            }
        }
        if (patterns.isEmpty()) {
            throw CellError.usage(name + ": expected at least one path, as in " + (jarsOnly ? "%jars lib/*.jar" : "%classpath classes"));
        }
        List<Path> paths = new ArrayList<>();
        for (String pattern : patterns) {
            for (Path p : PathGlobs.resolve(ctx.workDir(), pattern, name)) {
                if (jarsOnly && !(Files.isRegularFile(p) && p.toString().endsWith(".jar"))) {
                    if (pattern.equals(p.toString()) || !hasGlob(pattern)) {
                        throw CellError.usage("jars: " + p + " is not a jar file"
                                + (Files.isDirectory(p) ? " (use %classpath for a directory of classes)" : ""));
                    }
                    continue; // a glob may also match other files: keep only the jars
                }
                paths.add(p);
            }
        }
        if (paths.isEmpty()) {
            throw CellError.of("FileNotFoundException", name + ": no jar files match " + String.join(" ", patterns));
        }
        ctx.addToClasspath(paths);
        System.out.println("added to the classpath: " + paths.stream().map(p -> p.getFileName().toString())
                .collect(Collectors.joining(", ")));
    }

    private static boolean hasGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }
}
