package dl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The notebooks as stored in git, checked without running them: named {@code NN-topic.ipynb},
 * nbformat 4, on the course kernel, free of outputs (tests/python/clean_notebook.py strips them),
 * free of control characters in their cells, and opening with a Markdown cell whose heading and
 * first paragraph become the site's title and summary.
 */
@Order(0) // see junit-platform.properties: cheap checks before anything starts a kernel
class NotebookSourceTest {

    @TestFactory
    Stream<DynamicTest> sourceNotebooksAreCleanAndTitled() {
        return Project.courseNotebooks().stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> check(nb)));
    }

    private static void check(Path notebook) throws IOException {
        String name = notebook.getFileName().toString();
        assertTrue(name.matches("\\d\\d-[a-z0-9]+(-[a-z0-9]+)*\\.ipynb"), () -> name + ": expected a name like 05-backprop.ipynb");
        JsonObject nb = JsonParser.parseString(Files.readString(notebook, StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals(4, nb.get("nbformat").getAsInt(), () -> name + ": nbformat");
        JsonObject spec = nb.getAsJsonObject("metadata").getAsJsonObject("kernelspec");
        assertTrue(spec != null && "java-course".equals(spec.get("name").getAsString()), () -> name + ": kernelspec must be java-course, is " + spec);

        JsonArray cells = nb.getAsJsonArray("cells");
        List<String> problems = new ArrayList<>();
        int codeCell = 0;
        for (JsonElement element : cells) {
            JsonObject cell = element.getAsJsonObject();
            if (!"code".equals(cell.get("cell_type").getAsString())) {
                continue;
            }
            codeCell++;
            if (cell.has("outputs") && !cell.getAsJsonArray("outputs").isEmpty()) {
                problems.add("code cell " + codeCell + " has outputs");
            }
            if (cell.has("execution_count") && !cell.get("execution_count").isJsonNull()) {
                problems.add("code cell " + codeCell + " has an execution count");
            }
        }
        assertTrue(problems.isEmpty(), () -> name + " is not clean (run /usr/bin/python3 tests/python/clean_notebook.py "
                + "notebooks/" + name + "): " + String.join(", ", problems));

        List<String> control = controlCharacterProblems(cells);
        assertTrue(control.isEmpty(), () -> name + " has control characters in its cells (a LaTeX command such as \\bar or "
                + "\\approx written through a string in which \\b and \\a are escapes? In the .ipynb JSON it must read "
                + "\"\\\\bar\"): " + String.join("; ", control));

        assertTrue(!cells.isEmpty() && "markdown".equals(cells.get(0).getAsJsonObject().get("cell_type").getAsString()),
                () -> name + ": the first cell must be Markdown (title and summary of the chapter)");
        List<String> lines = source(cells.get(0).getAsJsonObject()).lines().map(String::strip).toList();
        assertTrue(!lines.isEmpty() && lines.get(0).startsWith("# "), () -> name + ": the first cell must start with a '# Title' heading");
        assertTrue(lines.stream().skip(1).anyMatch(l -> !l.isEmpty() && !l.startsWith("#")),
                () -> name + ": the first cell needs a one-paragraph summary under its heading");
    }

    /** At most this many control characters are listed per notebook; the rest are counted. */
    private static final int MAX_LISTED = 10;

    /**
     * The control characters in the Markdown and code cells: any char below U+0020 except line
     * feed, carriage return and tab, and U+007F (DEL). They render as nothing or as garbage (a
     * backspace turns {@code \bar x} into "ar x"). One entry per character, naming the cell's index
     * in the notebook (0-based, as in the cells list), its type, the line in the cell, the
     * character as U+XXXX and the text around it.
     */
    static List<String> controlCharacterProblems(JsonArray cells) {
        List<String> problems = new ArrayList<>();
        int total = 0;
        for (int index = 0; index < cells.size(); index++) {
            JsonObject cell = cells.get(index).getAsJsonObject();
            String type = cell.get("cell_type").getAsString();
            if (!"markdown".equals(type) && !"code".equals(type)) {
                continue;
            }
            String text = source(cell);
            int line = 1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n') {
                    line++;
                } else if (isControl(c)) {
                    total++;
                    if (problems.size() < MAX_LISTED) {
                        problems.add(String.format("cell %d (%s, line %d): U+%04X in \"%s\"", index, type, line, (int) c,
                                context(text, i)));
                    }
                }
            }
        }
        if (total > problems.size()) {
            problems.add("and " + (total - problems.size()) + " more");
        }
        return problems;
    }

    /** A char that has no business in a cell's source (line feed, carriage return and tab do). */
    static boolean isControl(char c) {
        return (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f;
    }

    /** Up to 20 chars either side of {@code at}, on one line, each control character written as {@code <U+XXXX>}. */
    private static String context(String text, int at) {
        int from = Math.max(0, at - 20);
        int to = Math.min(text.length(), at + 21);
        StringBuilder out = new StringBuilder();
        if (from > 0) {
            out.append('…');
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (isControl(c)) {
                out.append(String.format("<U+%04X>", (int) c));
            } else {
                out.append(c);
            }
        }
        if (to < text.length()) {
            out.append('…');
        }
        return out.toString();
    }

    @Test
    void controlCharactersInCellsAreFound() {
        // cell 1 is what 09 had: "\bar x" and "\approx" written through a string in which \b and \a are escapes
        JsonArray cells = JsonParser.parseString("""
                [{"cell_type": "markdown", "source": ["# Title\\n", "fine: tab\\t, CR\\r, $\\\\bar x \\\\approx$\\n"]},
                 {"cell_type": "markdown", "source": ["line one\\n", "means $\\bar x$, $\\u0007pprox$"]},
                 {"cell_type": "raw", "source": "a raw cell is not checked: \\b"},
                 {"cell_type": "code", "source": "int x = 1;\\u007f", "outputs": []}]
                """).getAsJsonArray();
        assertEquals(List.of("cell 1 (markdown, line 2): U+0008 in \"line one\\nmeans $<U+0008>ar x$, $<U+0007>pprox$\"",
                "cell 1 (markdown, line 2): U+0007 in \"…one\\nmeans $<U+0008>ar x$, $<U+0007>pprox$\"",
                "cell 3 (code, line 1): U+007F in \"int x = 1;<U+007F>\""), controlCharacterProblems(cells));

        assertTrue(isControl('\b') && isControl('\u0000') && isControl('\u001f') && isControl('\u007f'));
        assertFalse(isControl('\n') || isControl('\r') || isControl('\t') || isControl(' ') || isControl('\\')
                || isControl('\u00a0'));
    }

    @Test
    void manyControlCharactersAreCounted() {
        JsonArray cells = JsonParser.parseString("[{\"cell_type\": \"code\", \"source\": \""
                + "\\b".repeat(MAX_LISTED + 3) + "\"}]").getAsJsonArray();
        List<String> problems = controlCharacterProblems(cells);
        assertEquals(MAX_LISTED + 1, problems.size());
        assertEquals("and 3 more", problems.get(MAX_LISTED));
    }

    private static String source(JsonObject cell) {
        JsonElement source = cell.get("source");
        if (source.isJsonArray()) {
            StringBuilder text = new StringBuilder();
            source.getAsJsonArray().forEach(part -> text.append(part.getAsString()));
            return text.toString();
        }
        return source.getAsString();
    }
}
