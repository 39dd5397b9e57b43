package dl;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Which Nd4j native build runs: the classifier of the {@code nd4j-native} jar on the class path
 * (the project's is the {@code nd4j.classifier} property of pom.xml)
 * and what libnd4j says it was built with (oneDNN, OpenBLAS).
 */
public final class NativeBuild {

    private NativeBuild() {}

    /** e.g. {@code linux-x86_64-onednn}, or "unknown" when no such jar is on the class path. */
    public static String classifier() {
        List<String> found = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            Path file = Path.of(entry).getFileName();
            String name = file == null ? "" : file.toString();
            if (name.matches("nd4j-native-[0-9].*-linux.*\\.jar")) {
                found.add(name.replaceFirst("^nd4j-native-[^-]+(-M[0-9.]+)?-", "").replaceFirst("\\.jar$", ""));
            }
        }
        return found.isEmpty() ? "unknown" : String.join(",", found);
    }

    /** libnd4j's own build line (compiler, engines, HAVE_ONEDNN, HAVE_OPENBLAS). */
    public static String buildInfo() {
        Nd4j.getBackend(); // loads libnd4j (NativeOpsHolder needs it)
        return NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().replaceAll("\\s+", " ").trim();
    }

    /** One line: "Nd4j native build linux-x86_64-onednn (oneDNN: yes, OpenBLAS: yes)". */
    public static String describe() {
        String info = buildInfo();
        return "Nd4j native build " + classifier() + " (oneDNN: " + (info.contains("HAVE_ONEDNN") ? "yes" : "no")
                + ", OpenBLAS: " + (info.contains("HAVE_OPENBLAS") ? "yes" : "no") + ")";
    }
}
