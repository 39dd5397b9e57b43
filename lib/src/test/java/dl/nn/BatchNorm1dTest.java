package dl.nn;

import static org.junit.jupiter.api.Assertions.*;

import dl.Course;
import dl.Fixture;
import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class BatchNorm1dTest {

    @BeforeEach
    void seed() {
        Course.seed(42);
    }

    private static Tensor column(double... values) {
        return new Tensor(Nd4j.createFromArray(values).reshape(values.length, 1));
    }

    /** TOPICS chapter 09, facts 3, 4 and 5. */
    @Test
    void courseWorkedExample() {
        var bn = (BatchNorm1d) new BatchNorm1d(1).toDouble();
        Tensor x = column(1, 2, 3, 4);
        // γ = 1, β = 0: y = x̂
        assertArrayEquals(new double[] {-1.341635, -0.447212, 0.447212, 1.341635}, bn.forward(x).toDoubleArray(), 1e-6);
        // running statistics from (0, 1) after that batch: μ = 2.5, unbiased σ² = 5/3
        assertEquals(0.25, bn.runningMean().getDouble(0), 1e-12);
        assertEquals(1.066667, bn.runningVar().getDouble(0), 1e-6);
        bn.eval();
        assertEquals(2.178543, bn.forward(column(2.5)).item(), 1e-6);

        var affine = (BatchNorm1d) new BatchNorm1d(1).toDouble();
        affine.gamma().data().assign(2);
        affine.beta().data().assign(1);
        assertArrayEquals(new double[] {-1.683271, 0.105576, 1.894424, 3.683271}, affine.forward(x).toDoubleArray(), 1e-6);
    }

    @Test
    void batchStatisticsAreBiasedRunningVarianceUnbiased() {
        var bn = (BatchNorm1d) new BatchNorm1d(1, 1e-5, 1.0, true).toDouble(); // momentum 1: the running stats become the batch's
        bn.forward(column(1, 2, 3, 4));
        assertEquals(2.5, bn.runningMean().getDouble(0), 1e-12);
        assertEquals(5.0 / 3, bn.runningVar().getDouble(0), 1e-12);
    }

    @Test
    void trainModeGradientsMatchFiniteDifferences() {
        var bn = (BatchNorm1d) new BatchNorm1d(3).toDouble();
        bn.gamma().data().assign(Nd4j.createFromArray(0.5, 1.5, -2.0));
        bn.beta().data().assign(Nd4j.createFromArray(0.1, -0.3, 0.7));
        Tensor x = Expect.leaf(5, 3);
        Tensor r = Expect.weights(5, 3);
        Expect.gradOk("BatchNorm1d train", in -> bn.forward(x).mul(r).sum(), x, bn.gamma(), bn.beta());
        // without affine parameters, and through a nonlinearity so the loss is not linear in y
        var plain = (BatchNorm1d) new BatchNorm1d(3, 1e-5, 0.1, false).toDouble();
        Tensor z = Expect.leaf(4, 3);
        Tensor r4 = Expect.weights(4, 3);
        Expect.gradOk("BatchNorm1d affine=false", in -> plain.forward(z).tanh().mul(r4).sum(), z);
    }

    @Test
    void evalModeGradientsMatchFiniteDifferences() {
        var bn = (BatchNorm1d) new BatchNorm1d(3).toDouble();
        bn.forward(Expect.leaf(6, 3).detach());
        bn.eval();
        bn.gamma().data().assign(Nd4j.createFromArray(0.5, 1.5, -2.0));
        Tensor x = Expect.leaf(4, 3);
        Tensor r = Expect.weights(4, 3);
        Expect.gradOk("BatchNorm1d eval", in -> bn.forward(x).mul(r).sum(), x, bn.gamma(), bn.beta());
    }

    @Test
    void matchesPyTorchTrainStepThenEval() {
        Fixture f = Fixture.load("nn/batchnorm1d.json");
        for (DataType t : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            var bn = new BatchNorm1d(4);
            if (t == DataType.DOUBLE) {
                bn.toDouble();
            }
            bn.gamma().data().assign(f.array("gamma"));
            bn.beta().data().assign(f.array("beta"));
            Tensor x = Expect.tensor(f, "x", t).requiresGrad(true);
            Tensor y = bn.forward(x);
            Expect.matches(f, "y_train", y.data(), t);
            y.mul(Expect.tensor(f, "r", t)).sum().backward();
            Expect.matches(f, "grad_x_train", x.grad(), t);
            Expect.matches(f, "grad_gamma_train", bn.gamma().grad(), t);
            Expect.matches(f, "grad_beta_train", bn.beta().grad(), t);
            Expect.matches(f, "running_mean", bn.runningMean(), t);
            Expect.matches(f, "running_var", bn.runningVar(), t);

            bn.eval();
            bn.zeroGrad();
            Tensor x2 = Expect.tensor(f, "x_eval", t).requiresGrad(true);
            Tensor y2 = bn.forward(x2);
            Expect.matches(f, "y_eval", y2.data(), t);
            y2.mul(Expect.tensor(f, "r_eval", t)).sum().backward();
            Expect.matches(f, "grad_x_eval", x2.grad(), t);
            Expect.matches(f, "grad_gamma_eval", bn.gamma().grad(), t);
            Expect.matches(f, "grad_beta_eval", bn.beta().grad(), t);
        }
    }

    /** [N, C, L] (issue 9 §3): statistics per channel over N and L, as PyTorch's BatchNorm1d. */
    @Test
    void sequenceInputMatchesPyTorchTrainStepThenEval() {
        Fixture f = Fixture.load("nn/batchnorm1d_ncl.json");
        for (DataType t : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            var bn = new BatchNorm1d(3);
            if (t == DataType.DOUBLE) {
                bn.toDouble();
            }
            bn.gamma().data().assign(f.array("gamma"));
            bn.beta().data().assign(f.array("beta"));
            Tensor x = Expect.tensor(f, "x", t).requiresGrad(true);
            Tensor y = bn.forward(x);
            assertArrayEquals(new long[] {4, 3, 5}, y.shape());
            Expect.matches(f, "y_train", y.data(), t);
            y.mul(Expect.tensor(f, "r", t)).sum().backward();
            Expect.matches(f, "grad_x_train", x.grad(), t);
            Expect.matches(f, "grad_gamma_train", bn.gamma().grad(), t);
            Expect.matches(f, "grad_beta_train", bn.beta().grad(), t);
            Expect.matches(f, "running_mean", bn.runningMean(), t);
            Expect.matches(f, "running_var", bn.runningVar(), t);

            bn.eval();
            Tensor x2 = Expect.tensor(f, "x_eval", t).requiresGrad(true);
            Tensor y2 = bn.forward(x2);
            Expect.matches(f, "y_eval", y2.data(), t);
            y2.mul(Expect.tensor(f, "r_eval", t)).sum().backward();
            Expect.matches(f, "grad_x_eval", x2.grad(), t);
        }
    }

    @Test
    void sequenceInputGradientsMatchFiniteDifferences() {
        var bn = (BatchNorm1d) new BatchNorm1d(2).toDouble();
        bn.gamma().data().assign(Nd4j.createFromArray(0.7, -1.3));
        bn.beta().data().assign(Nd4j.createFromArray(0.2, 0.4));
        Tensor x = Expect.leaf(3, 2, 4);
        Tensor r = Expect.weights(3, 2, 4);
        Expect.gradOk("BatchNorm1d [N, C, L] train", in -> bn.forward(x).tanh().mul(r).sum(), x, bn.gamma(), bn.beta());
        bn.eval();
        Expect.gradOk("BatchNorm1d [N, C, L] eval", in -> bn.forward(x).tanh().mul(r).sum(), x, bn.gamma(), bn.beta());
    }

    @Test
    void stateUsesPyTorchNames() {
        var bn = new BatchNorm1d(2);
        assertEquals(java.util.List.of("weight", "bias", "running_mean", "running_var"), java.util.List.copyOf(bn.stateDict().keySet()));
        assertEquals(4, bn.parameterCount(), "running statistics are buffers, not parameters");
        INDArray mean = Nd4j.createFromArray(1f, 2f);
        bn.loadStateDict(Map.of("weight", Nd4j.ones(DataType.FLOAT, 2), "bias", Nd4j.zeros(DataType.FLOAT, 2),
                "running_mean", mean, "running_var", Nd4j.ones(DataType.FLOAT, 2)));
        assertEquals(mean, bn.runningMean());
    }

    @Test
    void badInputsAreExplained() {
        var bn = new BatchNorm1d(3);
        var w = assertThrows(ShapeException.class, () -> bn.forward(Tensor.zeros(4, 2)));
        assertTrue(w.getMessage().startsWith("BatchNorm1d(3).forward: input x has shape [4, 2], expected (N, 3) or (N, 3, L)"), w.getMessage());
        var last = assertThrows(ShapeException.class, () -> bn.forward(Tensor.zeros(4, 5, 3)));
        assertTrue(last.getMessage().contains("hint: the features are on the last axis, move them to axis 1: x.permute(0, 2, 1)"),
                last.getMessage());
        var single = assertThrows(IllegalArgumentException.class, () -> bn.forward(Tensor.zeros(1, 3, 1)));
        assertTrue(single.getMessage().contains("more than one value per channel"), single.getMessage());
        assertArrayEquals(new long[] {1, 3, 2}, bn.forward(Tensor.zeros(1, 3, 2)).shape(), "one sample of length 2 is enough");
        var one = assertThrows(IllegalArgumentException.class, () -> bn.forward(Tensor.zeros(1, 3)));
        assertTrue(one.getMessage().contains("more than one sample"), one.getMessage());
        bn.eval();
        assertArrayEquals(new long[] {1, 3}, bn.forward(Tensor.zeros(1, 3)).shape(), "a single sample is fine in eval");
    }
}
