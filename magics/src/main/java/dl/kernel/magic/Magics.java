package dl.kernel.magic;

import dl.kernel.CellError;
import dl.kernel.CellResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The magics of the course kernel and the cell syntax around them.
 *
 * <p>A cell whose first non-blank line is {@code %%name args} is handed to that cell magic.
 * Otherwise lines of the form {@code %name args} (outside text blocks and block comments) run
 * the line magic at that point, and the Java between them runs as usual, so
 * {@code %jars lib/*.jar} can sit above the code that uses the jars.
 */
public final class Magics {

    private static final Pattern LINE_MAGIC = Pattern.compile("^\\s*%([A-Za-z][\\w-]*)(?:\\s+(.*?))?\\s*$");
    private static final Pattern CELL_MAGIC = Pattern.compile("^\\s*%%([A-Za-z][\\w-]*)(?:\\s+(.*?))?\\s*$");

    private final Map<String, LineMagic> lineMagics = new LinkedHashMap<>();
    private final Map<String, CellMagic> cellMagics = new LinkedHashMap<>();

    /** The course kernel's magics. */
    public static Magics standard() {
        Magics m = new Magics();
        m.add(new LoadMagic());
        m.add(ClasspathMagic.jars());
        m.add(ClasspathMagic.classpath());
        m.add(new TimeMagic());
        m.add(new FastMagic());
        m.add(new SeedMagic());
        m.add(new HelpMagic());
        return m;
    }

    public Magics add(LineMagic magic) {
        lineMagics.put(magic.name(), magic);
        return this;
    }

    public Magics add(CellMagic magic) {
        cellMagics.put(magic.name(), magic);
        return this;
    }

    public Map<String, LineMagic> lineMagics() {
        return Collections.unmodifiableMap(lineMagics);
    }

    public Map<String, CellMagic> cellMagics() {
        return Collections.unmodifiableMap(cellMagics);
    }

    /** Runs a whole cell: a cell magic if the first line names one, else code and line magics. */
    public CellResult runCell(String code, MagicContext ctx) throws CellError {
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            Matcher m = CELL_MAGIC.matcher(lines[i]);
            if (!m.matches()) {
                break;
            }
            CellMagic magic = cellMagics.get(m.group(1));
            if (magic == null) {
                throw CellError.of("UnknownMagic", "unknown cell magic %%" + m.group(1) + "; %help lists the magics");
            }
            String body = String.join("\n", List.of(lines).subList(i + 1, lines.length));
            return magic.run(m.group(2) == null ? "" : m.group(2), body, i + 2, ctx);
        }
        return runLines(code, ctx.cellLabel(), 1, ctx);
    }

    /**
     * Runs Java code with line magics in between; returns the value of the last code part if
     * nothing but blank lines follows it.
     */
    public CellResult runLines(String code, String label, int firstLine, MagicContext ctx) throws CellError {
        String[] lines = code.split("\n", -1);
        CellResult last = CellResult.NONE;
        List<String> chunk = new ArrayList<>();
        int chunkStart = 0;
        SyntaxState state = new SyntaxState();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean inside = state.insideTextOrComment();
            state.scan(line);
            Matcher m = inside ? null : LINE_MAGIC.matcher(line);
            if (m == null || !m.matches()) {
                if (chunk.isEmpty()) {
                    chunkStart = i;
                }
                chunk.add(line);
                continue;
            }
            if (line.strip().startsWith("%%")) {
                throw CellError.usage("cell magic " + line.strip() + " must be the first line of the cell ("
                        + label + ", line " + (firstLine + i) + ")");
            }
            last = runChunk(chunk, chunkStart, label, firstLine, ctx, last);
            chunk.clear();
            LineMagic magic = lineMagics.get(m.group(1));
            if (magic == null) {
                throw CellError.of("UnknownMagic", "unknown magic %" + m.group(1) + " (" + label + ", line "
                        + (firstLine + i) + "); %help lists the magics");
            }
            magic.run(m.group(2) == null ? "" : m.group(2), ctx);
            last = CellResult.NONE;
        }
        return runChunk(chunk, chunkStart, label, firstLine, ctx, last);
    }

    private static CellResult runChunk(List<String> chunk, int start, String label, int firstLine, MagicContext ctx,
            CellResult previous) throws CellError {
        if (chunk.stream().allMatch(String::isBlank)) {
            return previous;
        }
        return ctx.run(String.join("\n", chunk), label, firstLine + start);
    }

    /** Tracks text blocks and block comments across lines, so a "%" line inside one stays code. */
    private static final class SyntaxState {
        private boolean inTextBlock;
        private boolean inComment;

        boolean insideTextOrComment() {
            return inTextBlock || inComment;
        }

        void scan(String line) {
            int i = 0;
            while (i < line.length()) {
                if (inComment) {
                    int end = line.indexOf("*/", i);
                    if (end < 0) {
                        return;
                    }
                    inComment = false;
                    i = end + 2;
                } else if (inTextBlock) {
                    int end = line.indexOf("\"\"\"", i);
                    if (end < 0) {
                        return;
                    }
                    inTextBlock = false;
                    i = end + 3;
                } else if (line.startsWith("//", i)) {
                    return;
                } else if (line.startsWith("/*", i)) {
                    inComment = true;
                    i += 2;
                } else if (line.startsWith("\"\"\"", i)) {
                    inTextBlock = true;
                    i += 3;
                } else if (line.charAt(i) == '"' || line.charAt(i) == '\'') {
                    i = skipLiteral(line, i);
                } else {
                    i++;
                }
            }
        }

        private static int skipLiteral(String line, int open) {
            char quote = line.charAt(open);
            int i = open + 1;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (c == '\\') {
                    i += 2;
                } else if (c == quote) {
                    return i + 1;
                } else {
                    i++;
                }
            }
            return i;
        }
    }
}
