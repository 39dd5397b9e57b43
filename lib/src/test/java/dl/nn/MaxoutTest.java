package dl.nn;

import static org.junit.jupiter.api.Assertions.*;

import dl.Course;
import dl.Fixture;
import dl.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MaxoutTest {

    @BeforeEach
    void seed() {
        Course.seed(42);
    }

    @Test
    void matchesMaxOfLinearPiecesInPyTorch() {
        Fixture f = Fixture.load("nn/maxout.json");
        int k = (int) f.scalar("k");
        for (DataType t : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            var m = new Maxout(4, 5, k);
            if (t == DataType.DOUBLE) {
                m.toDouble();
            }
            Map<String, INDArray> state = new LinkedHashMap<>();
            for (int p = 0; p < k; p++) {
                state.put("piece" + p + ".weight", f.array("piece" + p + ".weight"));
                state.put("piece" + p + ".bias", f.array("piece" + p + ".bias"));
            }
            m.loadStateDict(state);
            Tensor x = Expect.tensor(f, "x", t).requiresGrad(true);
            Tensor y = m.forward(x);
            Expect.matches(f, "y", y.data(), t);
            y.mul(Expect.tensor(f, "r", t)).sum().backward();
            Expect.matches(f, "grad_x", x.grad(), t);
            var params = m.namedParameters();
            for (int p = 0; p < k; p++) {
                Expect.matches(f, "grad_piece" + p + ".weight", params.get("piece" + p + ".weight").grad(), t);
                Expect.matches(f, "grad_piece" + p + ".bias", params.get("piece" + p + ".bias").grad(), t);
            }
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        var m = (Maxout) new Maxout(2, 3, 3).toDouble();
        Tensor x = Expect.leaf(4, 2);
        Tensor r = Expect.weights(4, 3);
        Tensor[] inputs = new Tensor[1 + 2 * m.k()];
        inputs[0] = x;
        for (int p = 0; p < m.k(); p++) {
            inputs[1 + 2 * p] = m.piece(p).weight();
            inputs[2 + 2 * p] = m.piece(p).bias();
        }
        Expect.gradOk("Maxout", in -> m.forward(x).mul(r).sum(), inputs);
    }

    private static Maxout scalarMaxout(double w0, double w1) {
        var m = (Maxout) new Maxout(1, 1, 2).toDouble();
        m.piece(0).weight().data().assign(w0);
        m.piece(0).bias().data().assign(0);
        m.piece(1).weight().data().assign(w1);
        m.piece(1).bias().data().assign(0);
        return m;
    }

    /** TOPICS chapter 02, fact 6. */
    @Test
    void reluAndAbsoluteValueAreMaxouts() {
        double[] xs = {-2, -0.5, 0, 0.3, 1.7};
        Tensor x = new Tensor(Nd4j.createFromArray(xs).reshape(xs.length, 1));
        double[] relu = scalarMaxout(1, 0).forward(x).toDoubleArray();
        double[] abs = scalarMaxout(1, -1).forward(x).toDoubleArray();
        for (int i = 0; i < xs.length; i++) {
            assertEquals(Math.max(0, xs[i]), relu[i], 1e-15);
            assertEquals(Math.abs(xs[i]), abs[i], 1e-15);
        }
    }

    @Test
    void describesItselfAsOneLayer() {
        var m = new Maxout(2, 16, 3);
        assertEquals("Maxout(2 -> 16, k=3)", m.toString());
        assertEquals("Sequential(0: Maxout(2 -> 16, k=3), 1: Linear(16 -> 1))", new Sequential(m, new Linear(16, 1)).toString());
        assertEquals(3 * (2 * 16 + 16), m.parameterCount());
        assertThrows(IllegalArgumentException.class, () -> new Maxout(2, 2, 0));
    }
}
