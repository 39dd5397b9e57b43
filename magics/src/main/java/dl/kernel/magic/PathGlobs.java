package dl.kernel.magic;

import dl.kernel.CellError;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Resolves a path argument of a magic: relative to the notebook directory, {@code ~/} for the
 * home directory, and glob patterns ({@code lib/*.jar}, {@code deps/**.jar}) matched in sorted order.
 */
final class PathGlobs {

    private PathGlobs() {}

    /** The existing paths {@code pattern} names; a clear error when there is none. */
    static List<Path> resolve(Path workDir, String pattern, String magic) throws CellError {
        String expanded = pattern.startsWith("~/") ? System.getProperty("user.home") + pattern.substring(1) : pattern;
        if (!hasGlob(expanded)) {
            Path path = workDir.resolve(expanded).normalize();
            if (!Files.exists(path)) {
                throw CellError.of("FileNotFoundException", magic + ": no such file or directory: " + path
                        + notebookDirNote(workDir, expanded));
            }
            return List.of(path);
        }
        // Split into the directory before the first glob segment and the pattern after it.
        Path full = workDir.resolve(expanded).normalize();
        Path base = full.getRoot() == null ? workDir : full.getRoot();
        int globAt = -1;
        for (int i = 0; i < full.getNameCount(); i++) {
            if (hasGlob(full.getName(i).toString())) {
                globAt = i;
                break;
            }
            base = base.resolve(full.getName(i).toString());
        }
        String rest = full.subpath(globAt, full.getNameCount()).toString();
        if (!Files.isDirectory(base)) {
            throw CellError.of("FileNotFoundException", magic + ": no such directory: " + base + " (in pattern "
                    + pattern + ")" + notebookDirNote(workDir, expanded));
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        int depth = rest.contains("**") ? Integer.MAX_VALUE : full.getNameCount() - globAt;
        Path root = base;
        List<Path> matches;
        try (Stream<Path> walk = Files.walk(root, depth)) {
            matches = walk.filter(p -> !p.equals(root) && matcher.matches(root.relativize(p)))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw CellError.of("IOException", magic + ": cannot list " + root + ": " + e.getMessage());
        }
        if (matches.isEmpty()) {
            throw CellError.of("FileNotFoundException", magic + ": nothing matches " + full
                    + notebookDirNote(workDir, expanded));
        }
        return matches;
    }

    private static boolean hasGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }

    private static String notebookDirNote(Path workDir, String given) {
        return Path.of(given).isAbsolute() ? "" : " (relative paths start at the notebook directory " + workDir + ")";
    }
}
