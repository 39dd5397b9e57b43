package dl.tensor;

import static dl.tensor.TensorCoreTest.gradOk;
import static dl.tensor.TensorCoreTest.leaf;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Movement, indexing, reductions and batched matmul: gradient checks, hand-worked values, errors. */
class OpsTest {

    /** A fixed weighting (0.3, 0.4, 0.5, ...) so sums of rearranged values still have an informative gradient. */
    static Tensor weighted(Tensor t) {
        INDArray w = Nd4j.linspace(DataType.DOUBLE, 0.3, 0.1, t.length()).reshape('c', t.shape()); // (start, step, count)
        return t.mul(new Tensor(w)).sum();
    }

    static Function<List<Tensor>, Tensor> one(Function<Tensor, Tensor> f) {
        return in -> weighted(f.apply(in.get(0)));
    }

    @Test
    void maxAlongAxisAndArgmaxMatchFiniteDifferences() {
        gradOk(one(x -> x.max(1, false)), leaf(3, 4));
        gradOk(one(x -> x.max(0, true)), leaf(3, 4));
        gradOk(one(x -> x.max(-1, false)), leaf(2, 3, 4));
        gradOk(one(x -> x.max(1, true).mul(x)), leaf(2, 3, 4)); // keepDims broadcast back
        gradOk(in -> in.get(0).max().mul(3), leaf(5, 2));
    }

    @Test
    void maxGivesTheGradientToTheFirstArgmaxAsTorch() {
        // torch: x=[[1,5,5],[2,0,2]]; x.max(1).values.sum().backward() -> [[0,1,0],[1,0,0]], indices [1, 0]
        Tensor x = Tensor.ofDouble(new double[][] {{1, 5, 5}, {2, 0, 2}}).requiresGrad(true);
        Tensor m = x.max(1, false);
        assertArrayEquals(new double[] {5, 2}, m.toDoubleArray(), 0);
        assertArrayEquals(new long[] {2}, m.shape());
        m.sum().backward();
        assertArrayEquals(new double[] {0, 1, 0, 1, 0, 0}, x.grad().reshape(6).toDoubleVector(), 0);
        assertArrayEquals(new double[] {1, 0}, x.argmax(1).toDoubleArray(), 0);
        assertArrayEquals(new long[] {2, 1}, x.max(1, true).shape());
        // torch: x=[1,5,5]; x.max().backward() -> [0, 0.5, 0.5] (ties share evenly)
        Tensor v = Tensor.ofDouble(1, 5, 5).requiresGrad(true);
        v.max().backward();
        assertArrayEquals(new double[] {0, 0.5, 0.5}, v.grad().toDoubleVector(), 0);
        assertFalse(x.argmax(1).requiresGrad());
    }

    @Test
    void permuteTransposeAndReshapesMatchFiniteDifferences() {
        gradOk(one(x -> x.permute(2, 0, 1)), leaf(2, 3, 4));
        gradOk(one(x -> x.permute(1, 2, 0).exp()), leaf(2, 3, 4));
        gradOk(one(x -> x.transpose(0, 2)), leaf(2, 3, 4));
        gradOk(one(x -> x.transpose(-1, -2).reshape(2, 12)), leaf(2, 3, 4));
        gradOk(one(x -> x.unsqueeze(1).mul(x.unsqueeze(0))), leaf(3, 2)); // outer-product-like broadcast
        gradOk(one(x -> x.squeeze(1).square()), leaf(3, 1, 2));
        gradOk(one(x -> x.squeeze().log1p()), leafPositive(1, 3, 1));
        gradOk(one(x -> x.flatten(1)), leaf(2, 3, 2, 2));
    }

    static Tensor leafPositive(long... shape) {
        return new Tensor(Nd4j.rand(DataType.DOUBLE, shape).addi(0.1), true);
    }

    @Test
    void permuteValuesAndShapes() {
        Tensor x = new Tensor(Nd4j.arange(24).castTo(DataType.DOUBLE).reshape(2, 3, 4));
        Tensor p = x.permute(2, 0, 1);
        assertArrayEquals(new long[] {4, 2, 3}, p.shape());
        assertEquals(1 * 12 + 2 * 4 + 3, p.data().getDouble(3, 1, 2), 0); // p[k,i,j] = x[i,j,k]
        assertEquals(x.data().getDouble(1, 2, 0), x.transpose(0, 2).data().getDouble(0, 2, 1), 0);
        assertArrayEquals(new long[] {2, 12}, x.flatten(1).shape());
        assertArrayEquals(new long[] {24}, x.flatten(0).shape());
        assertArrayEquals(new long[] {2, 3, 4, 1}, x.unsqueeze(-1).shape());
        assertArrayEquals(new long[] {1, 2, 3, 4}, x.unsqueeze(0).shape());
        assertArrayEquals(new long[] {2, 3, 4}, x.unsqueeze(1).squeeze(1).shape());
        assertArrayEquals(new long[] {2, 3, 4}, x.reshape(1, 2, 1, 3, 4).squeeze().shape());
    }

    @Test
    void concatAndStackMatchFiniteDifferences() {
        gradOk(in -> weighted(Tensor.concat(0, in.get(0), in.get(1), in.get(0))), leaf(2, 3), leaf(4, 3));
        gradOk(in -> weighted(Tensor.concat(1, in.get(0), in.get(1)).tanh()), leaf(2, 3, 2), leaf(2, 1, 2));
        gradOk(in -> weighted(Tensor.concat(-1, in.get(0), in.get(1))), leaf(3, 2), leaf(3, 5));
        gradOk(in -> weighted(Tensor.stack(0, in.get(0), in.get(1))), leaf(2, 3), leaf(2, 3));
        gradOk(in -> weighted(Tensor.stack(2, in.get(0), in.get(1), in.get(0))), leaf(2, 3), leaf(2, 3));
        gradOk(in -> weighted(Tensor.stack(-1, in.get(0), in.get(1))), leaf(4), leaf(4));
    }

    @Test
    void concatAndStackValues() {
        Tensor a = Tensor.ofDouble(new double[][] {{1, 2}, {3, 4}});
        Tensor b = Tensor.ofDouble(new double[][] {{5, 6}});
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, Tensor.concat(0, a, b).toDoubleArray(), 0);
        assertArrayEquals(new double[] {1, 2, 5, 6, 3, 4, 5, 6},
                Tensor.concat(1, a, Tensor.concat(0, b, b)).toDoubleArray(), 0);
        Tensor s = Tensor.stack(1, Tensor.ofDouble(1, 2, 3), Tensor.ofDouble(4, 5, 6));
        assertArrayEquals(new long[] {3, 2}, s.shape());
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, s.toDoubleArray(), 0);
        var e = assertThrows(ShapeException.class, () -> Tensor.concat(1, a, b));
        assertTrue(e.getMessage().contains("[1, 2]") && e.getMessage().contains("[2, 2]"), e.getMessage());
        var f = assertThrows(ShapeException.class, () -> Tensor.stack(0, a, b));
        assertTrue(f.getMessage().startsWith("stack: tensor 1 has shape [1, 2]"), f.getMessage());
    }

    @Test
    void sliceSelectIndexMatchFiniteDifferences() {
        gradOk(one(x -> x.slice(1, 1, 3)), leaf(3, 4));
        gradOk(one(x -> x.slice(0, -2, 3).exp()), leaf(3, 4));
        gradOk(one(x -> x.slice(2, 0, 1)), leaf(2, 3, 2));
        gradOk(one(x -> x.select(0, 1)), leaf(3, 4));
        gradOk(one(x -> x.select(-1, 2).square()), leaf(2, 3, 4));
        gradOk(one(x -> x.index(2, 0, 2, 2)), leaf(3, 4));    // repeated rows accumulate
        gradOk(one(x -> x.index(1L, 1L).exp()), leaf(2, 2, 3));
        gradOk(one(x -> x.index(0, 3, 3)), leaf(5));
    }

    @Test
    void sliceSelectIndexValues() {
        Tensor x = new Tensor(Nd4j.arange(12).castTo(DataType.DOUBLE).reshape(3, 4));
        assertArrayEquals(new double[] {1, 2, 5, 6, 9, 10}, x.slice(1, 1, 3).toDoubleArray(), 0);
        assertArrayEquals(new double[] {8, 9, 10, 11}, x.slice(0, -1, 3).toDoubleArray(), 0);
        assertArrayEquals(new double[] {2, 6, 10}, x.select(1, 2).toDoubleArray(), 0);
        assertArrayEquals(new long[] {3}, x.select(1, 2).shape());
        assertArrayEquals(new double[] {8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11}, x.index(2, 0, 2).toDoubleArray(), 0);
        assertArrayEquals(new long[] {1, 4}, x.index(1).shape());
        assertEquals(6, x.select(0, 1).select(0, 2).item(), 0);
        var e = assertThrows(ShapeException.class, () -> x.slice(1, 2, 5));
        assertEquals("slice: [2, 5) along axis 1 of shape [3, 4] is out of range (size 4)", e.getMessage());
        assertThrows(ShapeException.class, () -> x.select(0, 3));
        var r = assertThrows(ShapeException.class, () -> x.index(0, 3));
        assertEquals("index: row 3 out of range for shape [3, 4] (valid 0..2)", r.getMessage());
    }

    @Test
    void pickMatchesFiniteDifferencesAndValues() {
        gradOk(in -> in.get(0).pick(2, 0, 1, 2).exp().sum(), leaf(4, 3));
        gradOk(in -> in.get(0).logSoftmax(1).pick(Nd4j.createFromArray(1, 1, 0)).mean().neg(), leaf(3, 2));
        Tensor x = Tensor.ofDouble(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new double[] {3, 4}, x.pick(2, 0).toDoubleArray(), 0);
        assertArrayEquals(new double[] {2, 6}, x.pick(Nd4j.createFromArray(1L, 2L)).toDoubleArray(), 0);
        var e = assertThrows(ShapeException.class, () -> x.pick(0, 3));
        assertTrue(e.getMessage().contains("class index 3 in row 1 out of range for 3 classes"), e.getMessage());
        assertThrows(ShapeException.class, () -> x.pick(0));
    }

    @Test
    void whereMatchesFiniteDifferencesAndValues() {
        INDArray mask = Nd4j.createFromArray(new boolean[][] {{true, false, true}, {false, false, true}});
        gradOk(in -> weighted(Tensor.where(mask, in.get(0), in.get(1))), leaf(2, 3), leaf(2, 3));
        gradOk(in -> weighted(Tensor.where(mask, in.get(0).exp(), in.get(1))), leaf(2, 3), leaf(3));
        INDArray columnMask = Nd4j.createFromArray(new double[][] {{1}, {0}});
        gradOk(in -> weighted(Tensor.where(columnMask, in.get(0), in.get(1))), leaf(2, 3), leaf(1));
        Tensor a = Tensor.ofDouble(1, 2, 3);
        Tensor b = Tensor.ofDouble(Double.NEGATIVE_INFINITY);
        assertArrayEquals(new double[] {1, Double.NEGATIVE_INFINITY, 3},
                Tensor.where(Nd4j.createFromArray(1.0, 0.0, 1.0), a, b).toDoubleArray(), 0);
        assertArrayEquals(new double[] {Double.NEGATIVE_INFINITY, 2, 3},
                Tensor.where(a.sub(1.5).step(), a, b).toDoubleArray(), 0); // a 0/1 tensor as the mask
    }

    @Test
    void whereRejectsBadMasks() {
        Tensor a = Tensor.ofDouble(1, 2, 3);
        assertThrows(IllegalArgumentException.class, () -> Tensor.where(Nd4j.createFromArray(0.5, 0.0, 1.0), a, a));
        var e = assertThrows(ShapeException.class, () -> Tensor.where(Nd4j.createFromArray(true, false), a, a));
        assertTrue(e.getMessage().startsWith("where: mask of shape [2] cannot be broadcast to [3]"), e.getMessage());
    }

    @Test
    void squareAndLog1pMatchFiniteDifferences() {
        gradOk(in -> in.get(0).square().mul(in.get(1)).sum(), leaf(3, 4), leaf(4));
        gradOk(in -> in.get(0).log1p().sum(), leafPositive(3, 2));
        // ln(1 + x) = x - x²/2 + ...: Math.log1p as the reference, also where 1 + x rounds to 1
        double[] xs = {1e-10, -3e-12, 1e-17, 0, 0.5, -0.9, 20};
        double[] got = Tensor.ofDouble(xs).log1p().toDoubleArray();
        for (int i = 0; i < xs.length; i++) {
            double expected = Math.log1p(xs[i]);
            assertEquals(expected, got[i], 1e-15 * Math.abs(expected), "x=" + xs[i]);
        }
        assertEquals(1e-7, Tensor.of(1e-7).log1p().item(), 1e-13); // fp32: 1 + 1e-7 rounds badly
    }

    @Test
    void batchedMatmulMatchesFiniteDifferences() {
        gradOk(in -> weighted(in.get(0).matmul(in.get(1))), leaf(2, 3, 4), leaf(2, 4, 5));
        gradOk(in -> weighted(in.get(0).matmul(in.get(1))), leaf(3, 2, 4), leaf(4, 3));
        gradOk(in -> weighted(in.get(0).transpose(1, 2).matmul(in.get(1))), leaf(2, 4, 3), leaf(4, 2)); // non-contiguous input
    }

    @Test
    void batchedMatmulEqualsPerItemProducts() {
        INDArray a = Nd4j.rand(DataType.DOUBLE, 3, 2, 4);
        INDArray b = Nd4j.rand(DataType.DOUBLE, 3, 4, 5);
        INDArray w = Nd4j.rand(DataType.DOUBLE, 4, 5);
        INDArray batched = new Tensor(a).matmul(new Tensor(b)).data();
        INDArray shared = new Tensor(a).matmul(new Tensor(w)).data();
        for (int i = 0; i < 3; i++) {
            INDArray ai = a.slice(i);
            assertTrue(ai.mmul(b.slice(i)).equalsWithEps(batched.slice(i), 1e-12));
            assertTrue(ai.mmul(w).equalsWithEps(shared.slice(i), 1e-12));
        }
        var e = assertThrows(ShapeException.class, () -> new Tensor(a).matmul(new Tensor(b.reshape(3, 5, 4))));
        assertEquals("matmul: [3, 2, 4] x [3, 5, 4]: inner dimensions 4 and 5 differ", e.getMessage());
        var f = assertThrows(ShapeException.class, () -> new Tensor(a).matmul(new Tensor(Nd4j.rand(DataType.DOUBLE, 2, 4, 5))));
        assertEquals("matmul: [3, 2, 4] x [2, 4, 5]: batch sizes 3 and 2 differ", f.getMessage());
        var g = assertThrows(ShapeException.class, () -> new Tensor(w).matmul(new Tensor(b)));
        assertTrue(g.getMessage().contains("expected 2-D x 2-D, 3-D x 3-D or 3-D x 2-D"), g.getMessage());
    }

    @Test
    void axisErrorsNameTheOpTheShapeAndTheValidRange() {
        Tensor x = Tensor.zeros(2, 3);
        assertEquals("softmax: axis 2 out of range for shape [2, 3] (valid -2..1)",
                assertThrows(ShapeException.class, () -> x.softmax(2)).getMessage());
        assertEquals("sum: axis -3 out of range for shape [2, 3] (valid -2..1)",
                assertThrows(ShapeException.class, () -> x.sum(false, -3)).getMessage());
        assertEquals("permute: [0, 0] is not a permutation of the 2 axes of [2, 3] (axis 0 twice)",
                assertThrows(ShapeException.class, () -> x.permute(0, 0)).getMessage());
        assertEquals("squeeze: axis 1 of shape [2, 3] has size 3, only size 1 can be removed",
                assertThrows(ShapeException.class, () -> x.squeeze(1)).getMessage());
        assertEquals("max: axis 0 out of range for shape [] (a scalar has no axes)",
                assertThrows(ShapeException.class, () -> Tensor.of(1).max(0, false)).getMessage());
    }

    @Test
    void shapeExceptionWithContextAppendsWhereAndKeepsCause() {
        var cause = new IllegalStateException("inner");
        var e = new ShapeException("matmul: [32, 784] x [512, 10]: inner dimensions 784 and 512 differ", cause);
        var c = e.withContext("Linear 'fc2'");
        assertEquals("matmul: [32, 784] x [512, 10]: inner dimensions 784 and 512 differ (in Linear 'fc2')", c.getMessage());
        assertSame(cause, c.getCause());
        assertArrayEquals(e.getStackTrace(), c.getStackTrace());
        var real = assertThrows(ShapeException.class, () -> Tensor.zeros(32, 784).matmul(Tensor.zeros(512, 10)));
        assertEquals(real.getMessage() + " (in Linear 'fc2')", real.withContext("Linear 'fc2'").getMessage());
    }
}
