package dl.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Resident memory of the process after epoch 1 and after epoch 5 of the MLP benchmark's
 * training: with nothing leaking the two agree up to noise. Each reading follows a GC, so that
 * native buffers whose Java owners are already garbage are counted as freed (a leak survives it).
 */
public final class MlpMemory implements Benchmark {

    @Override
    public String id() {
        return "memory";
    }

    @Override
    public List<Row> run(Data data) throws Exception {
        MlpEpoch.Mlp mlp = new MlpEpoch.Mlp(data);
        mlp.train(Integer.MAX_VALUE);
        double afterOne = residentMegabytes();
        for (int epoch = 2; epoch <= 5; epoch++) {
            mlp.train(Integer.MAX_VALUE);
        }
        double afterFive = residentMegabytes();
        return List.of(Row.lower("rss_after_epoch_1", "MB", afterOne), Row.lower("rss_after_epoch_5", "MB", afterFive),
                Row.lower("rss_growth_epoch_1_to_5", "MB", afterFive - afterOne));
    }

    /** VmRSS of this process from /proc/self/status, after a GC. */
    static double residentMegabytes() throws Exception {
        System.gc();
        Thread.sleep(300); // Nd4j frees native buffers on its deallocator thread after the GC
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS line in /proc/self/status");
    }
}
