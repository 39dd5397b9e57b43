package dl.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** libnd4j's kernels against the definitions written as plain loops (fp64). */
class NativeOpsTest {

    static INDArray rand(long... shape) {
        return Nd4j.rand(DataType.DOUBLE, shape).subi(0.5);
    }

    /** y[n,o,a,b] = bias[o] + Σ_c Σ_ij w[o,c,i,j] x[n,c,s·a + d·i − p, s·b + d·j − p]. */
    static INDArray loopConv(INDArray x, INDArray w, INDArray bias, int[] s, int[] p, int[] d) {
        long n = x.size(0), c = x.size(1), h = x.size(2), wd = x.size(3), o = w.size(0);
        int kh = (int) w.size(2), kw = (int) w.size(3);
        long oh = NativeOps.outSize(h, kh, s[0], p[0], d[0]), ow = NativeOps.outSize(wd, kw, s[1], p[1], d[1]);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, n, o, oh, ow);
        for (int b = 0; b < n; b++) for (int q = 0; q < o; q++) for (int a = 0; a < oh; a++) for (int e = 0; e < ow; e++) {
            double sum = bias == null ? 0 : bias.getDouble(q);
            for (int ci = 0; ci < c; ci++) for (int i = 0; i < kh; i++) for (int j = 0; j < kw; j++) {
                long yy = (long) s[0] * a + (long) d[0] * i - p[0], xx = (long) s[1] * e + (long) d[1] * j - p[1];
                if (yy >= 0 && yy < h && xx >= 0 && xx < wd) {
                    sum += w.getDouble(q, ci, i, j) * x.getDouble(b, ci, yy, xx);
                }
            }
            y.putScalar(new long[] {b, q, a, e}, sum);
        }
        return y;
    }

    @Test
    void conv2dMatchesTheLoopDefinition() {
        int[][][] cases = {{{1, 1}, {0, 0}, {1, 1}}, {{2, 3}, {1, 2}, {1, 1}}, {{1, 2}, {2, 1}, {2, 3}}, {{3, 2}, {0, 1}, {2, 1}}};
        for (int[][] cs : cases) {
            INDArray x = rand(2, 3, 7, 11);
            INDArray w = rand(4, 3, 3, 2);
            INDArray b = rand(4);
            INDArray expected = loopConv(x, w, b, cs[0], cs[1], cs[2]);
            INDArray got = NativeOps.conv2d(x, w, b, new int[] {3, 2}, cs[0], cs[1], cs[2]);
            assertEquals(0, expected.sub(got).amaxNumber().doubleValue(), 1e-12, "case " + java.util.Arrays.deepToString(cs));
        }
    }
}
