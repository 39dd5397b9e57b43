package dl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.TestFactory;

/**
 * The notebooks as stored in git, checked without running them: named {@code NN-topic.ipynb},
 * nbformat 4, on the course kernel, free of outputs (tests/python/clean_notebook.py strips them),
 * and opening with a Markdown cell whose heading and first paragraph become the site's title and
 * summary.
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

        assertTrue(!cells.isEmpty() && "markdown".equals(cells.get(0).getAsJsonObject().get("cell_type").getAsString()),
                () -> name + ": the first cell must be Markdown (title and summary of the chapter)");
        List<String> lines = source(cells.get(0).getAsJsonObject()).lines().map(String::strip).toList();
        assertTrue(!lines.isEmpty() && lines.get(0).startsWith("# "), () -> name + ": the first cell must start with a '# Title' heading");
        assertTrue(lines.stream().skip(1).anyMatch(l -> !l.isEmpty() && !l.startsWith("#")),
                () -> name + ": the first cell needs a one-paragraph summary under its heading");
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
