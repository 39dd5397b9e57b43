package dl.tensor;

import static org.junit.jupiter.api.Assertions.*;

import java.util.function.Function;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class TensorCoreTest {

    static Tensor leaf(long... shape) {
        return new Tensor(Nd4j.rand(DataType.DOUBLE, shape).subi(0.5).muli(2), true);
    }

    static void gradOk(Function<List<Tensor>, Tensor> f, Tensor... in) {
        var r = GradCheck.run(f, in);
        assertTrue(r.passes(1e-6), "max abs " + r.maxAbsError() + ", rel " + r.maxRelError());
    }

    /** The seeds' one-neuron example (TOPICS.md chapter 04), with the correct σ(1-σ). */
    @Test
    void oneNeuronWorkedExample() {
        Tensor x = Tensor.ofDouble(0.5, 0.2);
        Tensor w = Tensor.ofDouble(1, 2).requiresGrad(true);
        Tensor b = Tensor.ofDouble(-1.1).requiresGrad(true);
        Tensor h = x.mul(w).sum().add(b);
        Tensor s = h.sigmoid();
        Tensor loss = s.rsub(1).pow(2).mul(0.5);
        loss.backward();
        assertEquals(-0.2, h.item(), 1e-12);
        assertEquals(0.450166, s.item(), 1e-6);
        assertEquals(0.151159, loss.item(), 1e-6);
        assertEquals(-0.068047, w.grad().getDouble(0), 1e-6);
        assertEquals(-0.027219, w.grad().getDouble(1), 1e-6);
        assertEquals(-0.136093, b.grad().getDouble(0), 1e-6);
    }

    @Test
    void tensorUsedTwiceGetsBothContributions() {
        Tensor a = Tensor.ofDouble(3).requiresGrad(true);
        a.mul(a).add(a).backward(); // d(a² + a)/da = 2a + 1 = 7
        assertEquals(7, a.grad().getDouble(0), 1e-12);
    }

    @Test
    void elementwiseOpsMatchFiniteDifferences() {
        gradOk(in -> in.get(0).add(in.get(1)).mul(in.get(0)).sum(), leaf(3, 4), leaf(3, 4));
        gradOk(in -> in.get(0).sub(in.get(1)).div(in.get(1).abs().add(1)).sum(), leaf(2, 3), leaf(2, 3));
        gradOk(in -> in.get(0).exp().add(in.get(0).pow(3)).neg().mean(), leaf(5));
        gradOk(in -> in.get(0).abs().add(0.5).log().add(in.get(0).abs().add(0.1).sqrt()).sum(), leaf(4, 2));
        gradOk(in -> in.get(0).sigmoid().add(in.get(0).tanh()).add(in.get(0).relu()).sum(), leaf(3, 3));
        gradOk(in -> in.get(0).rsub(2).mul(3).div(4).sub(1).pow(2).sum(), leaf(6));
    }

    @Test
    void broadcastingGradientsAreSummedBack() {
        gradOk(in -> in.get(0).add(in.get(1)).mul(in.get(0)).sum(), leaf(3, 4), leaf(4));
        gradOk(in -> in.get(0).mul(in.get(1)).sum(), leaf(3, 4), leaf(3, 1));
        gradOk(in -> in.get(0).div(in.get(1).abs().add(1)).sum(), leaf(2, 3, 4), leaf(1, 4));
        gradOk(in -> in.get(0).sub(in.get(1)).pow(2).mean(), leaf(2, 3), leaf(1));
    }

    @Test
    void matmulAndReductionsMatchFiniteDifferences() {
        gradOk(in -> in.get(0).matmul(in.get(1)).tanh().sum(), leaf(3, 4), leaf(4, 2));
        gradOk(in -> in.get(0).sum(false, 0).pow(2).sum(), leaf(3, 4));
        gradOk(in -> in.get(0).sum(true, 1).mul(in.get(0)).sum(), leaf(3, 4));
        gradOk(in -> in.get(0).mean(false, -1).exp().sum(), leaf(2, 3, 4));
        gradOk(in -> in.get(0).reshape(6, 2).t().matmul(in.get(1)).sum(), leaf(3, 4), leaf(6, 3));
    }

    @Test
    void matmulShapeErrorNamesBothShapes() {
        var e = assertThrows(ShapeException.class, () -> Tensor.zeros(32, 784).matmul(Tensor.zeros(512, 10)));
        assertEquals("matmul: [32, 784] x [512, 10]: inner dimensions 784 and 512 differ", e.getMessage());
        var b = assertThrows(ShapeException.class, () -> Tensor.zeros(3, 4).add(Tensor.zeros(3)));
        assertTrue(b.getMessage().contains("cannot be broadcast"), b.getMessage());
    }

    @Test
    void noGradRecordsNothingAndDetachStopsGradients() {
        Tensor w = Tensor.ofDouble(2).requiresGrad(true);
        try (var g = Tensor.noGrad()) {
            Tensor y = w.mul(3);
            assertFalse(y.requiresGrad());
            assertTrue(y.isLeaf());
        }
        assertTrue(Tensor.isGradEnabled());
        Tensor y = w.mul(w.detach());
        y.backward();
        assertEquals(2, w.grad().getDouble(0), 1e-12); // only the non-detached path
        w.zeroGrad();
        assertNull(w.grad());
    }

    @Test
    void backwardOfANonScalarNeedsAnOutputGradient() {
        Tensor w = Tensor.ofDouble(1, 2).requiresGrad(true);
        assertThrows(IllegalStateException.class, () -> w.mul(2).backward());
        assertThrows(IllegalStateException.class, () -> Tensor.ofDouble(1).backward());
    }

    @Test
    void fp32IsTheDefault() {
        assertEquals(DataType.FLOAT, Tensor.of(1, 2).dtype());
        assertEquals(DataType.DOUBLE, Tensor.ofDouble(1, 2).dtype());
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(1, 2).add(Tensor.ofDouble(1, 2)));
    }

    @Test
    void negativeDimensionInAFactoryNamesFactoryShapeAndDimension() {
        var e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(-1, 3));
        assertTrue(e.getMessage().contains("Tensor.zeros[-1, 3]"), e.getMessage());
        assertTrue(e.getMessage().contains(">= 0") && e.getMessage().contains("got -1 at dimension 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.ones(2, -4));
        assertTrue(e.getMessage().contains("Tensor.ones[2, -4]") && e.getMessage().contains("got -4 at dimension 1"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.randn(-2));
        assertTrue(e.getMessage().contains("Tensor.randn[-2]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.rand(3, 1, -1));
        assertTrue(e.getMessage().contains("Tensor.rand[3, 1, -1]") && e.getMessage().contains("dimension 2"),
                e.getMessage());
        assertEquals(0, Tensor.zeros(0, 3).length()); // an empty tensor is still allowed
    }

    @Test
    void gradBeforeBackwardIsNullAndGradOrThrowSaysWhy() {
        Tensor w = Tensor.ofDouble(1, 2).requiresGrad(true);
        assertNull(w.grad()); // optimizers rely on null meaning "no gradient"
        var e = assertThrows(IllegalStateException.class, w::gradOrThrow);
        assertTrue(e.getMessage().contains("gradOrThrow") && e.getMessage().contains("expected a gradient")
                && e.getMessage().contains("call backward()"), e.getMessage());
        var x = assertThrows(IllegalStateException.class, () -> Tensor.ofDouble(1, 2).gradOrThrow());
        assertTrue(x.getMessage().contains("requiresGrad(true)"), x.getMessage());
        Tensor h = w.mul(2);
        h.sum().backward();
        var c = assertThrows(IllegalStateException.class, h::gradOrThrow);
        assertTrue(c.getMessage().contains("retainGrad()"), c.getMessage());
        assertEquals(2, w.gradOrThrow().getDouble(0), 1e-12);
    }

    @Test
    void meanOfAnEmptyTensorIsRefusedInsteadOfNaN() {
        var e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(0).mean());
        assertTrue(e.getMessage().contains("mean of an empty tensor (shape [0])")
                && e.getMessage().contains("expected at least one element"), e.getMessage());
        var a = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(0, 3).mean(false, 0));
        assertTrue(a.getMessage().contains("mean of an empty tensor (shape [0, 3])"), a.getMessage());
        assertEquals(1.0, Tensor.ones(2, 3).mean().item(), 1e-7);
    }
}
