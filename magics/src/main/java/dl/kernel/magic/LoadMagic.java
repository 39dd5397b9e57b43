package dl.kernel.magic;

import dl.kernel.CellError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code %load FILE...}: runs the Java code in each file, in order, as if it were pasted into the
 * cell. Errors inside a file name the file and its line.
 */
final class LoadMagic implements LineMagic {

    @Override
    public String name() {
        return "load";
    }

    @Override
    public String usage() {
        return "%load FILE...";
    }

    @Override
    public String help() {
        return "run the Java code in FILE (relative to the notebook directory; globs allowed)";
    }

    @Override
    public void run(String args, MagicContext ctx) throws CellError {
        List<String> patterns = MagicArgs.split(args);
        if (patterns.isEmpty()) {
            throw CellError.usage("load: expected a file, as in %load helpers.jsh");
        }
        for (String pattern : patterns) {
            for (Path file : PathGlobs.resolve(ctx.workDir(), pattern, "load")) {
                if (Files.isDirectory(file)) {
                    throw CellError.usage("load: " + file + " is a directory, expected a file of Java code");
                }
                String code;
                try {
                    code = Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw CellError.of("IOException", "load: cannot read " + file + ": " + e.getMessage());
                }
                ctx.run(code.replace("\r\n", "\n"), "file " + displayName(ctx.workDir(), file), 1);
            }
        }
    }

    private static String displayName(Path workDir, Path file) {
        return file.startsWith(workDir) ? workDir.relativize(file).toString() : file.toString();
    }
}
