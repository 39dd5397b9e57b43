package dl.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the project's {@code datasets/} folder (small committed data): the environment variable
 * {@code COURSE_DATASETS} when set, otherwise the first {@code datasets/} folder next to a
 * {@code pom.xml} in the working directory or one of its parents (notebooks run in
 * {@code notebooks/}, unit tests in {@code lib/}).
 */
public final class DatasetsFolder {

    /** Environment variable that overrides the search. */
    public static final String ENV = "COURSE_DATASETS";

    private DatasetsFolder() {}

    /** The datasets folder, or a {@link DataFileException} that says where it looked. */
    public static Path find() {
        return find(Path.of("").toAbsolutePath(), System.getenv(ENV));
    }

    /** As {@link #find()}, from {@code start} with the override {@code override} (may be null). */
    static Path find(Path start, String override) {
        if (override != null && !override.isBlank()) {
            Path p = Path.of(override).toAbsolutePath();
            if (!Files.isDirectory(p)) {
                throw new DataFileException(ENV + "=" + override + " is not a directory; point it at the"
                        + " project's datasets/ folder or unset it");
            }
            return p;
        }
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("datasets");
            if (Files.isDirectory(candidate) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return candidate;
            }
        }
        throw new DataFileException("no datasets/ folder next to a pom.xml in " + start.toAbsolutePath()
                + " or its parents; run from inside the course project or set " + ENV + "=/path/to/datasets");
    }
}
