package dl.tensor;

import static dl.tensor.TensorCoreTest.gradOk;
import static dl.tensor.TensorCoreTest.leaf;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Gradient checks on shapes drawn at random (seeded per repetition): rank 1-3, sizes 1-4, and a second
 * operand whose shape drops leading axes or has size 1 on some axes, so broadcasting is exercised.
 */
class RandomShapesGradCheckTest {

    static long[] randomShape(Random r) {
        long[] s = new long[1 + r.nextInt(3)];
        for (int i = 0; i < s.length; i++) {
            s[i] = 1 + r.nextInt(4);
        }
        return s;
    }

    /** A shape that broadcasts against {@code s}: some leading axes dropped, some sizes set to 1. */
    static long[] broadcastPartner(Random r, long[] s) {
        long[] b = Arrays.copyOfRange(s, r.nextInt(s.length), s.length);
        for (int i = 0; i < b.length; i++) {
            if (r.nextInt(3) == 0) {
                b[i] = 1;
            }
        }
        return b;
    }

    static Tensor weighted(Tensor t) {
        return OpsTest.weighted(t);
    }

    @RepeatedTest(6)
    void elementwiseBinaryOpsWithBroadcasting(RepetitionInfo info) {
        Random r = new Random(1000 + info.getCurrentRepetition());
        long[] s = randomShape(r);
        long[] p = broadcastPartner(r, s);
        gradOk(in -> weighted(in.get(0).add(in.get(1)).mul(in.get(1)).sub(in.get(0))), leaf(s), leaf(p));
        gradOk(in -> weighted(in.get(1).div(in.get(0).abs().add(0.5))), leaf(s), leaf(p));
        gradOk(in -> weighted(in.get(0).maxOf(in.get(1))), leaf(s), leaf(p));
        gradOk(in -> weighted(in.get(1).maxOf(in.get(0)).square()), leaf(s), leaf(p));
        INDArray mask = Nd4j.rand(DataType.DOUBLE, s).gt(0.5);
        gradOk(in -> weighted(Tensor.where(mask, in.get(1), in.get(0).exp())), leaf(s), leaf(p));
    }

    @RepeatedTest(6)
    void axisOpsOnARandomAxis(RepetitionInfo info) {
        Random r = new Random(2000 + info.getCurrentRepetition());
        long[] s = randomShape(r);
        int axis = r.nextInt(s.length);
        gradOk(in -> weighted(in.get(0).softmax(axis)), leaf(s));
        gradOk(in -> weighted(in.get(0).logSoftmax(axis)), leaf(s));
        boolean keepDims = r.nextBoolean();
        gradOk(in -> weighted(in.get(0).max(axis, keepDims)), leaf(s));
        gradOk(in -> weighted(in.get(0).sum(true, axis).mul(in.get(0))), leaf(s));
        long n = s[axis];
        long from = r.nextInt((int) n);
        long to = from + 1 + r.nextInt((int) (n - from));
        gradOk(in -> weighted(in.get(0).slice(axis, from, to)), leaf(s));
        gradOk(in -> weighted(in.get(0).select(axis, n - 1).exp()), leaf(s));
        long[] other = s.clone();
        other[axis] = 1 + r.nextInt(3);
        gradOk(in -> weighted(Tensor.concat(axis, in.get(1), in.get(0))), leaf(s), leaf(other));
        gradOk(in -> weighted(Tensor.stack(axis, in.get(0), in.get(0).tanh())), leaf(s));
    }

    @RepeatedTest(4)
    void movementOpsOnRandomShapes(RepetitionInfo info) {
        Random r = new Random(3000 + info.getCurrentRepetition());
        long[] s = {1 + r.nextInt(3), 1 + r.nextInt(3), 1 + r.nextInt(3)};
        int[] perm = {0, 1, 2};
        for (int i = 2; i > 0; i--) { // Fisher-Yates
            int j = r.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        gradOk(in -> weighted(in.get(0).permute(perm).reshape(-1)), leaf(s));
        int a = r.nextInt(3);
        int b = r.nextInt(3);
        int from = r.nextInt(3);
        gradOk(in -> weighted(in.get(0).transpose(a, b).sigmoid()), leaf(s));
        gradOk(in -> weighted(in.get(0).flatten(from)), leaf(s));
        long[] rows = {r.nextInt((int) s[0]), r.nextInt((int) s[0]), r.nextInt((int) s[0])};
        gradOk(in -> weighted(in.get(0).index(rows)), leaf(s));
        long k = 1 + r.nextInt(3);
        gradOk(in -> weighted(in.get(0).matmul(in.get(1))), leaf(s), leaf(s[0], s[2], k));
        gradOk(in -> weighted(in.get(0).matmul(in.get(1))), leaf(s), leaf(s[2], k));
    }
}
