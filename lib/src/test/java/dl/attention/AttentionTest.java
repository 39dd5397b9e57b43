package dl.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.Course;
import dl.Fixture;
import dl.tensor.GradCheck;
import dl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Dot-product and additive attention: the course's worked example, PyTorch, finite differences, masks. */
class AttentionTest {

    @BeforeEach
    void seed() {
        Course.seed(9);
    }

    /** Keys (1,0), (0,1), (1,1), values = keys, query (1,0): scores 1, 0, 1 (chapter 17, fact 4). */
    @Test
    void courseExample() {
        Tensor keys = new Tensor(Nd4j.createFromArray(new double[][][] {{{1, 0}, {0, 1}, {1, 1}}}));
        Tensor q = new Tensor(Nd4j.createFromArray(new double[][][] {{{1, 0}}}));
        Attended a = DotProductAttention.plain().attend(q, keys, keys);
        double e = Math.E;
        double[] alpha = {e / (2 * e + 1), 1 / (2 * e + 1), e / (2 * e + 1)};
        double[] got = a.weights().toDoubleArray();
        for (int j = 0; j < 3; j++) {
            assertEquals(alpha[j], got[j], 1e-15);
        }
        assertEquals(0.422319, got[0], 1e-6);
        assertEquals(0.155362, got[1], 1e-6);
        assertEquals(0.844638, a.context().data().getDouble(0, 0, 0), 1e-6);
        assertEquals(0.577681, a.context().data().getDouble(0, 0, 1), 1e-6);
        assertEquals(1, a.weightMatrix(0).length);
        assertEquals(3, a.weightMatrix(0)[0].length);
    }

    @Test
    void scaledDotProductMatchesPyTorch() {
        Fixture f = Fixture.load("rnn/scaled_dot_product.json");
        for (DataType t : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            Tensor q = new Tensor(f.array("q").castTo(t), true);
            Tensor k = new Tensor(f.array("k").castTo(t), true);
            Tensor v = new Tensor(f.array("v").castTo(t), true);
            Attended a = DotProductAttention.scaled().attend(q, k, v, f.array("key_mask"));
            a.context().mul(new Tensor(f.array("r").castTo(t))).sum()
                    .add(a.weights().mul(new Tensor(f.array("r_w").castTo(t))).sum()).backward();
            double tol = t == DataType.DOUBLE ? 1e-12 : 1e-5;
            close("out", a.context().data(), f.array("out"), tol);
            close("weights", a.weights().data(), f.array("weights"), tol);
            close("grad q", q.grad(), f.array("grad.q"), tol);
            close("grad k", k.grad(), f.array("grad.k"), tol);
            close("grad v", v.grad(), f.array("grad.v"), tol);
            System.out.println("fixture rnn/scaled_dot_product (" + t + ") ok");
        }
    }

    @Test
    void maskedKeysGetZeroWeightAndRowsSumToOne() {
        Tensor q = Tensor.randn(2, 4, 3);
        Tensor k = Tensor.randn(2, 5, 3);
        Attended a = DotProductAttention.scaled().attend(q, k, Tensor.randn(2, 5, 6), new int[] {5, 2});
        INDArray w = a.weights().data();
        assertEquals(0.0, w.get(org.nd4j.linalg.indexing.NDArrayIndex.point(1), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 5)).amaxNumber().doubleValue());
        INDArray sums = w.sum(2);
        assertEquals(0.0, sums.sub(1.0).amaxNumber().doubleValue(), 1e-6);
        AdditiveAttention add = new AdditiveAttention(3, 3, 4);
        Attended b = add.attend(q, k, k, KeyMask.fromLengths(new int[] {1, 5}, 5, DataType.FLOAT));
        assertEquals(1.0, b.weights().data().getDouble(0, 2, 0), 1e-7, "one real key takes all the weight");
    }

    @Test
    void gradientChecks() {
        Tensor q = leaf(2, 3, 4);
        Tensor k = leaf(2, 5, 4);
        Tensor v = leaf(2, 5, 2);
        INDArray mask = KeyMask.fromLengths(new int[] {5, 3}, 5, DataType.DOUBLE);
        Tensor r = new Tensor(Nd4j.randn(DataType.DOUBLE, 2, 3, 2));
        Tensor rw = new Tensor(Nd4j.randn(DataType.DOUBLE, 2, 3, 5));
        for (DotProductAttention att : new DotProductAttention[] {DotProductAttention.plain(), DotProductAttention.scaled()}) {
            ok(att + " (masked)", GradCheck.run(ts -> {
                Attended a = att.attend(q, k, v, mask);
                return a.context().mul(r).sum().add(a.weights().mul(rw).sum());
            }, q, k, v));
        }
        AdditiveAttention add = new AdditiveAttention(4, 4, 3);
        add.toDouble();
        List<Tensor> inputs = new ArrayList<>(List.of(q, k, v));
        inputs.addAll(add.parameters());
        ok("additive attention (masked)", GradCheck.run(ts -> {
            Attended a = add.attend(q, k, v, mask);
            return a.context().mul(r).sum().add(a.weights().mul(rw).sum());
        }, inputs.toArray(new Tensor[0])));
    }

    @Test
    void additiveScoreByHand() {
        AdditiveAttention add = new AdditiveAttention(1, 1, 1);
        add.toDouble();
        add.namedParameters().get("key.weight").data().assign(0.5);
        add.namedParameters().get("query.weight").data().assign(-1.0);
        add.namedParameters().get("score.weight").data().assign(2.0);
        Tensor keys = new Tensor(Nd4j.createFromArray(new double[][][] {{{1}, {3}}}));
        Attended a = add.attendOne(new Tensor(Nd4j.createFromArray(new double[][] {{0.4}})), keys, keys, null);
        double s1 = 2 * Math.tanh(0.5 * 1 - 0.4);
        double s2 = 2 * Math.tanh(0.5 * 3 - 0.4);
        double a1 = Math.exp(s1) / (Math.exp(s1) + Math.exp(s2));
        assertEquals(a1, a.weights().data().getDouble(0, 0, 0), 1e-15);
        assertEquals(a1 * 1 + (1 - a1) * 3, a.context().data().getDouble(0, 0, 0), 1e-14);
    }

    @Test
    void badShapesAreNamed() {
        var e = assertThrows(RuntimeException.class,
                () -> DotProductAttention.scaled().attend(Tensor.randn(2, 3), Tensor.randn(2, 5, 3), Tensor.randn(2, 5, 3)));
        assertTrue(e.getMessage().contains("unsqueeze(1)"), e.getMessage());
        var m = assertThrows(RuntimeException.class, () -> DotProductAttention.scaled()
                .attend(Tensor.randn(2, 1, 3), Tensor.randn(2, 5, 3), Tensor.randn(2, 5, 3), Nd4j.ones(2, 4)));
        assertTrue(m.getMessage().contains("expected (N, Tk) = [2, 5]"), m.getMessage());
    }

    private static Tensor leaf(long... shape) {
        return new Tensor(Nd4j.rand(DataType.DOUBLE, shape).subi(0.5).muli(2), true);
    }

    private static void ok(String what, GradCheck.Result r) {
        assertTrue(r.passes(1e-6), what + ": max abs " + r.maxAbsError() + ", rel " + r.maxRelError());
        System.out.printf("gradcheck %s: %d values, max abs %.2e%n", what, r.checkedValues(), r.maxAbsError());
    }

    private static void close(String what, INDArray a, INDArray e, double rtol) {
        double scale = e.amaxNumber().doubleValue();
        double diff = a.castTo(DataType.DOUBLE).sub(e).amaxNumber().doubleValue();
        assertTrue(diff <= rtol * Math.max(scale, 1e-300), what + ": max difference " + diff + " (scale " + scale + ")");
    }
}
