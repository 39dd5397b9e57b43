package dl;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NativeBuildTest {

    /** The classifier the parent pom.xml chooses (read from the file, not from the code under test). */
    static String pomClassifier() throws Exception {
        Path pom = Path.of("..", "pom.xml");
        Matcher m = Pattern.compile("<nd4j.classifier>([^<]+)</nd4j.classifier>").matcher(Files.readString(pom));
        assertTrue(m.find(), "no nd4j.classifier property in " + pom.toAbsolutePath());
        return m.group(1);
    }

    @Test
    void theBuildOnTheClassPathIsThePomsChoice() throws Exception {
        assertEquals(pomClassifier(), NativeBuild.classifier());
    }

    @Test
    void libnd4jSaysWhetherItHasOneDnnAsTheClassifierPromises() {
        boolean onednn = NativeBuild.classifier().contains("onednn");
        assertEquals(onednn, NativeBuild.buildInfo().contains("HAVE_ONEDNN"), NativeBuild.buildInfo());
        assertTrue(NativeBuild.describe().contains("oneDNN: " + (onednn ? "yes" : "no")), NativeBuild.describe());
    }
}
