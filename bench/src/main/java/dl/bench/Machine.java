package dl.bench;

import dl.NativeBuild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.nd4j.linalg.factory.Nd4j;

/** What the numbers were measured on: CPU, SIMD level, threads, and which Nd4j native build ran. */
final class Machine {

    private Machine() {}

    /** "model name" of /proc/cpuinfo. */
    static String cpuModel() {
        return cpuinfoField("model name");
    }

    /** AVX-512 or AVX2 (or neither) from the CPU flags. */
    static String simd() {
        String flags = " " + cpuinfoField("flags") + " ";
        return flags.contains(" avx512f ") ? "AVX-512" : flags.contains(" avx2 ") ? "AVX2" : "no AVX2";
    }

    /** The classifier of the nd4j-native jar on the class path, e.g. linux-x86_64-onednn. */
    static String nd4jClassifier() {
        return NativeBuild.classifier();
    }

    /** libnd4j's own build description (compiler, BLAS, oneDNN), one line. */
    static String nd4jBuildInfo() {
        return NativeBuild.buildInfo();
    }

    /** Nd4j's BLAS as Nd4j reports it. */
    static String nd4jBlas() {
        Object vendor = Nd4j.getExecutioner().getEnvironmentInformation().get("blas.vendor");
        return vendor == null ? "unknown" : vendor.toString();
    }

    static String json(int threads) {
        return String.format(Locale.ROOT,
                "{\"cpu\": \"%s\", \"simd\": \"%s\", \"threads\": %d, \"nd4j_max_threads\": %d, \"nd4j_classifier\": \"%s\","
                        + " \"nd4j_build\": \"%s\", \"blas\": \"%s\"}",
                esc(cpuModel()), simd(), threads, Nd4j.getEnvironment().maxThreads(), esc(nd4jClassifier()),
                esc(nd4jBuildInfo()), esc(nd4jBlas()));
    }

    static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String cpuinfoField(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (java.io.IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return "unknown";
    }
}
