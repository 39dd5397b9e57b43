package dl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsFolderTest {

    @Test
    void findsDatasetsNextToAPomUpwards(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("datasets"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Path deep = Files.createDirectories(root.resolve("notebooks/sub"));
        // a datasets/ folder without a pom.xml on the way up is not the project's
        Files.createDirectories(root.resolve("notebooks/datasets"));
        assertEquals(root.resolve("datasets"), DatasetsFolder.find(deep, null));
    }

    @Test
    void environmentOverrideWins(@TempDir Path root) throws IOException {
        Path custom = Files.createDirectories(root.resolve("elsewhere"));
        assertEquals(custom, DatasetsFolder.find(root, custom.toString()));
        var e = assertThrows(DataFileException.class, () -> DatasetsFolder.find(root, root.resolve("nope").toString()));
        assertTrue(e.getMessage().contains("COURSE_DATASETS"), e.getMessage());
    }

    @Test
    void notFoundSaysHowToSetIt(@TempDir Path root) {
        var e = assertThrows(DataFileException.class, () -> DatasetsFolder.find(root, null));
        assertTrue(e.getMessage().contains("COURSE_DATASETS") && e.getMessage().contains(root.toString()), e.getMessage());
    }

    @Test
    void theProjectFolderIsFoundFromTheTestDirectory() {
        Path found = DatasetsFolder.find();
        assertTrue(Files.isRegularFile(found.resolve("fashion-mnist-subset/LICENSE")), found.toString());
    }
}
