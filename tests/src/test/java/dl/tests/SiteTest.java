package dl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The offline HTML site, built from the notebooks {@link NotebookTest} executed, opened in
 * headless Chromium with networking off: the index lists the chapters in order, a chapter page
 * shows its title, an embedded PNG and formulas typeset by the site's own MathJax, and no page
 * loads a script, stylesheet or image from outside the site. A screenshot of the chapter page is
 * left in {@code build/test/site-screenshot.png}.
 */
@Order(3) // see junit-platform.properties: after NotebookTest filled build/test/executed
class SiteTest {

    /** An attribute that makes the browser fetch: script/img/iframe src, link href. */
    private static final Pattern LOADING = Pattern.compile(
            "<(script|link|img|iframe|source|video|audio|embed)\\b[^>]*?\\s(src|href)\\s*=\\s*[\"']([^\"']*)[\"']",
            Pattern.CASE_INSENSITIVE);

    private static Path site;
    private static List<Path> chapters;

    @BeforeAll
    static void buildSite() throws IOException, InterruptedException {
        chapters = Project.courseNotebooks();
        if (chapters.isEmpty()) {
            fail("no notebooks in " + Project.notebooks());
        }
        Path executed = Project.executed();
        Path first = chapters.get(0);
        if (!Files.isRegularFile(executed.resolve(first.getFileName()))) {
            // Run on its own (-Dtest=SiteTest): execute the first notebook so there is a page to look at.
            KernelSpec.ensureInstalled();
            RunResult r = new NotebookRunner().run(first, executed.resolve(first.getFileName()));
            if (!r.ok()) {
                fail("cannot build the site: " + r.describe(first.getFileName().toString()));
            }
        }
        site = Project.site();
        Path log = Files.createDirectories(site.getParent()).resolve("site-build.log");
        Process p = new ProcessBuilder(Project.python(), Project.pythonScript("build_site.py").toString(),
                "--executed", executed.toString(), "--site", site.toString(), "--sources", Project.notebooks().toString())
                .directory(Project.root().toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("building the site took more than 300 s");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("[site] " + output.strip());
        assertEquals(0, p.exitValue(), () -> "build_site.py failed:\n" + output);
        if (!Chromium.available()) {
            fail(Chromium.missingMessage());
        }
    }

    @Test
    void indexListsTheChaptersInOrder() throws IOException {
        Path index = site.resolve("index.html");
        String dom = Chromium.dumpDom(index, workDir());
        assertTrue(dom.contains("<title>"), "index has a title");
        int last = -1;
        for (Path chapter : chapters) {
            String stem = stem(chapter);
            if (!Files.isRegularFile(Project.executed().resolve(chapter.getFileName()))) {
                continue; // not executed in this run (e.g. SiteTest alone): not on the site
            }
            int at = dom.indexOf("href=\"" + stem + ".html\"");
            assertTrue(at > last, () -> "index links " + stem + ".html after the chapters before it");
            last = at;
            // The index shows the chapter number from the file name, so a title's own "01 · " goes.
            String title = firstHeading(chapter).replaceFirst("^\\d+\\s*[·.:\\-–—]\\s*", "");
            assertTrue(dom.contains(escape(title)), () -> "index shows the title '" + title + "' of " + stem);
        }
    }

    @Test
    void chapterPageShowsTitleImageAndTypesetFormula() throws IOException {
        Path chapter = chapters.get(0);
        Path page = site.resolve(stem(chapter) + ".html");
        assertTrue(Files.isRegularFile(page), () -> "page " + page + " exists");
        String dom = Chromium.dumpDom(page, workDir());
        String title = firstHeading(chapter);
        assertTrue(dom.contains("<title>" + escape(title) + "</title>"), () -> "page title '" + title + "'");
        assertTrue(dom.contains(escape(title) + "<a class=\"anchor-link\"") || dom.contains(">" + escape(title) + "<"),
                () -> "the heading '" + title + "' is on the page");
        assertTrue(dom.contains("<img src=\"data:image/png;base64,"), "an embedded PNG image (the chart)");
        assertTrue(dom.contains("class=\"mjx-chtml"), "MathJax typeset a formula (mjx-chtml elements in the DOM)");
        assertFalse(dom.contains("Math Processing Error"), "MathJax reported no error");
        assertTrue(dom.contains("href=\"index.html\""), "a link back to the contents");
        Path png = Chromium.screenshot(page, workDir(), site.getParent().resolve("site-screenshot.png"));
        assertTrue(Files.size(png) > 10_000, () -> "a real screenshot, not an empty image: " + png);
        System.out.println("[site] screenshot of " + page.getFileName() + ": " + png);
    }

    @Test
    void noPageLoadsAnythingFromOutsideTheSite() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(site)) {
            for (Path page : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                Matcher m = LOADING.matcher(Files.readString(page, StandardCharsets.UTF_8));
                while (m.find()) {
                    String url = m.group(3).trim();
                    String lower = url.toLowerCase();
                    if (lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("//") || lower.startsWith("file:")) {
                        problems.add(page.getFileName() + ": <" + m.group(1) + " " + m.group(2) + "=\"" + url + "\">");
                    } else if (!lower.startsWith("data:") && !lower.startsWith("#")) {
                        Path local = site.resolve(url.replaceFirst("[?#].*$", ""));
                        if (!Files.exists(local)) {
                            problems.add(page.getFileName() + ": <" + m.group(1) + "> points at a missing file " + url);
                        }
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), () -> "pages that would load from outside the site or miss a file:\n" + String.join("\n", problems));
        assertTrue(Files.isRegularFile(site.resolve("mathjax/MathJax.js")), "MathJax is copied into the site");
    }

    private static Path workDir() throws IOException {
        return Files.createDirectories(site.getParent().resolve("chromium"));
    }

    private static String stem(Path notebook) {
        return notebook.getFileName().toString().replaceFirst("\\.ipynb$", "");
    }

    /** The first heading of the first Markdown cell, read from the source notebook (else its file name). */
    private static String firstHeading(Path notebook) throws IOException {
        JsonObject nb = JsonParser.parseString(Files.readString(notebook, StandardCharsets.UTF_8)).getAsJsonObject();
        for (JsonElement cell : nb.getAsJsonArray("cells")) {
            JsonObject c = cell.getAsJsonObject();
            if (!"markdown".equals(c.get("cell_type").getAsString())) {
                continue;
            }
            JsonElement source = c.get("source");
            String text;
            if (source.isJsonArray()) {
                StringBuilder b = new StringBuilder();
                source.getAsJsonArray().forEach(e -> b.append(e.getAsString()));
                text = b.toString();
            } else {
                text = source.getAsString();
            }
            return text.lines().filter(l -> l.strip().startsWith("#")).findFirst()
                    .map(l -> l.strip().replaceFirst("^#+", "").replaceAll("[*`]", "").strip())
                    .orElse(stem(notebook));
        }
        return stem(notebook);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
