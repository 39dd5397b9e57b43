package dl.tests;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes small nbformat-4 notebooks for the harness self-tests (never into notebooks/). */
final class NotebookFile {

    private final String kernel;
    private final String language;
    private final List<JsonObject> cells = new ArrayList<>();

    NotebookFile(String kernel, String language) {
        this.kernel = kernel;
        this.language = language;
    }

    NotebookFile markdown(String source) {
        return cell("markdown", source);
    }

    NotebookFile code(String source) {
        JsonObject cell = newCell("code", source);
        cell.add("outputs", new JsonArray());
        cell.add("execution_count", null);
        cells.add(cell);
        return this;
    }

    private NotebookFile cell(String type, String source) {
        cells.add(newCell(type, source));
        return this;
    }

    private static JsonObject newCell(String type, String source) {
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", type);
        cell.add("metadata", new JsonObject());
        cell.addProperty("source", source);
        return cell;
    }

    Path writeTo(Path file) {
        JsonObject spec = new JsonObject();
        spec.addProperty("name", kernel);
        spec.addProperty("display_name", kernel);
        spec.addProperty("language", language);
        JsonObject metadata = new JsonObject();
        metadata.add("kernelspec", spec);
        JsonObject nb = new JsonObject();
        JsonArray cellArray = new JsonArray();
        cells.forEach(cellArray::add);
        nb.add("cells", cellArray);
        nb.add("metadata", metadata);
        nb.addProperty("nbformat", 4);
        nb.addProperty("nbformat_minor", 4);
        try {
            Files.writeString(file, new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(nb), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
