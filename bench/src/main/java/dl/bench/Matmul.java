package dl.bench;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** GFLOP/s of C = A·B for 1024² matrices into a preallocated C, fp32 and fp64 (2n³ flops each). */
public final class Matmul implements Benchmark {

    @Override
    public String id() {
        return "matmul";
    }

    @Override
    public List<Row> run(Data data) {
        return List.of(Row.higher("matmul_1024_fp32", "GFLOP/s", gflops(DataType.FLOAT, 1024, 20)),
                Row.higher("matmul_1024_fp64", "GFLOP/s", gflops(DataType.DOUBLE, 1024, 10)));
    }

    static double gflops(DataType type, int n, int reps) {
        INDArray a = Nd4j.rand(type, n, n);
        INDArray b = Nd4j.rand(type, n, n);
        INDArray c = Nd4j.create(type, new long[] {n, n}, 'f');
        a.mmuli(b, c);
        a.mmuli(b, c);
        long t = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            a.mmuli(b, c);
        }
        return 2.0 * n * n * n * reps / ((System.nanoTime() - t) / 1e9) / 1e9;
    }
}
