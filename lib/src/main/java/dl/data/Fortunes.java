package dl.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Real text in several languages: the fortune-cookie files of Debian's {@code fortunes}
 * packages, one file per category. The package gives the language:
 * <pre>
 * en  fortunes, fortunes-min   de  fortunes-de   ru  fortunes-ru   es  fortunes-es   it  fortunes-it
 * </pre>
 * Each file is in strfile format: texts separated by lines holding a single {@code %}. The files
 * used, with their sizes and SHA-256, are pinned in the resource {@code dl/data/fortunes.manifest}
 * (made by {@code datasets/tools/make_fortunes_manifest.sh}); each is verified before it is read.
 * Backspace overstrikes (old terminal underlining) are removed. Used for word embeddings,
 * language models and text classification by language or by category.
 */
public final class Fortunes {

    public static final Path ROOT = Path.of("/usr/share/games/fortunes");

    /** One manifest line: a pinned file, its language and category. */
    record Entry(String language, String category, String debianPackage, PinnedFile file) {}

    private static List<Entry> manifest;

    private Fortunes() {}

    /** The languages, in manifest order: en, de, ru, es, it. */
    public static List<String> languages() {
        List<String> out = new ArrayList<>();
        for (Entry e : manifest()) {
            if (!out.contains(e.language())) {
                out.add(e.language());
            }
        }
        return out;
    }

    /** The Debian package(s) that hold a language. */
    public static List<String> packages(String language) {
        List<String> out = new ArrayList<>();
        for (Entry e : entries(language)) {
            if (!out.contains(e.debianPackage())) {
                out.add(e.debianPackage());
            }
        }
        return out;
    }

    /** The categories (file names) of a language. */
    public static List<String> categories(String language) {
        return entries(language).stream().map(Entry::category).toList();
    }

    /** True when every file of the language is present (not yet verified). */
    public static boolean installed(String language) {
        return entries(language).stream().allMatch(e -> e.file().exists());
    }

    /** All fortunes of a language, category by category. */
    public static List<Fortune> load(String language) {
        return read(entries(language));
    }

    /** The fortunes of some categories of a language. */
    public static List<Fortune> load(String language, String... categories) {
        List<Entry> all = entries(language);
        List<Entry> chosen = new ArrayList<>();
        for (String c : categories) {
            Entry match = all.stream().filter(e -> e.category().equals(c)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("Fortunes: no category '" + c + "' in language '" + language
                            + "'; the categories are " + all.stream().map(Entry::category).toList()));
            chosen.add(match);
        }
        return read(chosen);
    }

    /** A table with columns language | category | text, for the given languages (all when none). */
    public static Table table(String... languages) {
        List<String> langs = languages.length == 0 ? languages() : List.of(languages);
        List<String> lang = new ArrayList<>();
        List<String> cat = new ArrayList<>();
        List<String> text = new ArrayList<>();
        for (String l : langs) {
            for (Fortune f : load(l)) {
                lang.add(f.language());
                cat.add(f.category());
                text.add(f.text());
            }
        }
        return Table.create("fortunes", StringColumn.create("language", lang), StringColumn.create("category", cat),
                StringColumn.create("text", text));
    }

    /** Splits strfile text into entries: a line that is just "%" ends an entry. */
    static List<String> parse(String content) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : content.split("\n", -1)) {
            String bare = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (bare.strip().equals("%")) {
                add(out, current);
                current.setLength(0);
            } else {
                current.append(bare).append('\n');
            }
        }
        add(out, current);
        return out;
    }

    private static void add(List<String> out, StringBuilder entry) {
        String text = entry.toString();
        while (text.indexOf('\b') >= 0) {
            text = text.replaceAll("[^\b]\b", "").replace("\b", "");
        }
        text = text.stripTrailing();
        if (!text.isBlank()) {
            out.add(text);
        }
    }

    static List<Fortune> read(List<Entry> entries) {
        List<Fortune> out = new ArrayList<>();
        for (Entry e : entries) {
            if (!e.file().exists()) {
                throw new DataFileException("Fortunes '" + e.language() + "': " + e.file().path() + " not found; it"
                        + " comes from the Debian package " + e.debianPackage() + ". Install it with: sudo apt-get install "
                        + e.debianPackage());
            }
            String text = decode(e.file().read(), e.file().path());
            for (String t : parse(text)) {
                out.add(new Fortune(e.language(), e.category(), t));
            }
        }
        return out;
    }

    private static String decode(byte[] bytes, Path path) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DataFileException(path + ": not valid UTF-8 (" + e.getMessage() + ")", e);
        }
    }

    private static List<Entry> entries(String language) {
        List<Entry> out = manifest().stream().filter(e -> e.language().equals(language)).toList();
        if (out.isEmpty()) {
            throw new IllegalArgumentException("Fortunes: no language '" + language + "'; the languages are " + languages());
        }
        return out;
    }

    private static synchronized List<Entry> manifest() {
        if (manifest == null) {
            manifest = readManifest();
        }
        return manifest;
    }

    private static List<Entry> readManifest() {
        String name = "fortunes.manifest";
        InputStream in = Fortunes.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Fortunes: resource dl/data/" + name + " is missing from the library jar");
        }
        List<Entry> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split(" ", 4);
                String pkg = f[2];
                String path = f[3];
                String language = pkg.equals("fortunes") || pkg.equals("fortunes-min") ? "en" : pkg.substring("fortunes-".length());
                String file = Path.of(path).getFileName().toString();
                String category = file.endsWith(".fortunes") ? file.substring(0, file.length() - ".fortunes".length()) : file;
                out.add(new Entry(language, category, pkg, new PinnedFile("fortunes " + language + "/" + category,
                        ROOT.resolve(path), Long.parseLong(f[1]), f[0], PinnedFile.debianHint(pkg))));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Fortunes: cannot read resource dl/data/" + name, e);
        }
        return List.copyOf(out);
    }

    /** Number of fortunes per category of a language (reads the files). */
    public static Map<String, Integer> countsByCategory(String language) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Fortune f : load(language)) {
            counts.merge(f.category(), 1, Integer::sum);
        }
        return counts;
    }
}
