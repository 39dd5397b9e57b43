package dl.loss;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.tensor.GradCheck;
import dl.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Autograd of every loss, for every reduction, against central finite differences (fp64,
 * {@link GradCheck}), on random shapes, with respect to the prediction and, where the loss is
 * differentiable in it, the target. For {@link Reduction#NONE} the per-element losses are
 * weighted by fixed random numbers before summing, so every element's gradient is checked
 * with its own upstream gradient.
 */
class LossGradCheckTest {

    /** Random inputs for one shape, and the loss of those inputs (the Tensors GradCheck varies). */
    record Problem(List<Tensor> inputs, Function<List<Tensor>, Tensor> loss) {}

    /** A loss under test: builds a random problem for a reduction and a shape. */
    record Spec(String name, boolean classification, BiFunction<Reduction, long[], Problem> make) {}

    private static final Random RNG = new Random(2024);

    static Tensor leaf(long[] shape, double lo, double hi) {
        int n = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * RNG.nextDouble();
        }
        return new Tensor(Nd4j.create(v, shape, DataType.DOUBLE), true);
    }

    /** Target = prediction ± a gap in [0.1, 1]: away from the kink of |e| at e = 0. */
    static Tensor awayFrom(Tensor prediction) {
        double[] p = prediction.toDoubleArray();
        for (int i = 0; i < p.length; i++) {
            p[i] += (RNG.nextBoolean() ? 1 : -1) * (0.1 + 0.9 * RNG.nextDouble());
        }
        return new Tensor(Nd4j.create(p, prediction.shape(), DataType.DOUBLE), true);
    }

    static int[] classIds(long n, long c) {
        int[] ids = new int[(int) n];
        for (int i = 0; i < n; i++) {
            ids[i] = RNG.nextInt((int) c);
        }
        return ids;
    }

    /** Weights the per-element losses of NONE so the check sees a non-uniform upstream gradient. */
    static Function<List<Tensor>, Tensor> scalar(Reduction r, Function<List<Tensor>, Tensor> loss, List<Tensor> in) {
        if (r != Reduction.NONE) {
            return loss;
        }
        Tensor out;
        try (var g = Tensor.noGrad()) {
            out = loss.apply(in);
        }
        Tensor weights = Tensor.of(Nd4j.rand(DataType.DOUBLE, out.shape()).subi(0.5).muli(4));
        return x -> loss.apply(x).mul(weights).sum();
    }

    static Spec elementwise(String name, Function<Reduction, Loss> loss, double lo, double hi,
                            Function<Tensor, Tensor> target) {
        return new Spec(name, false, (r, shape) -> {
            Tensor p = leaf(shape, lo, hi);
            Tensor t = target.apply(p);
            Loss l = loss.apply(r);
            return new Problem(List.of(p, t), in -> l.forward(in.get(0), in.get(1)));
        });
    }

    static Spec classIdLoss(String name, Function<Reduction, Loss> loss, double lo, double hi) {
        return new Spec(name, true, (r, shape) -> {
            Tensor z = leaf(shape, lo, hi);
            int[] ids = classIds(shape.length == 1 ? 1 : shape[0], shape[shape.length - 1]);
            Loss l = loss.apply(r);
            return new Problem(List.of(z), in -> l instanceof CrossEntropyLoss ce ? ce.forward(in.get(0), ids)
                    : ((NLLLoss) l).forward(in.get(0), ids));
        });
    }

    static final List<Spec> SPECS = List.of(
            elementwise("MSELoss", MSELoss::new, -2, 2, p -> leaf(p.shape(), -2, 2)),
            elementwise("L1Loss", L1Loss::new, -2, 2, LossGradCheckTest::awayFrom),
            elementwise("RMSELoss", RMSELoss::new, -2, 2, LossGradCheckTest::awayFrom),
            elementwise("HuberLoss(1)", r -> new HuberLoss(1, r), -3, 3, p -> leaf(p.shape(), -1, 1)),
            elementwise("HuberLoss(0.3)", r -> new HuberLoss(0.3, r), -1, 1, p -> leaf(p.shape(), -0.5, 0.5)),
            elementwise("BCELoss", BCELoss::new, 0.05, 0.95, p -> leaf(p.shape(), 0, 1)),
            elementwise("BCEWithLogitsLoss", BCEWithLogitsLoss::new, -4, 4, p -> leaf(p.shape(), 0, 1)),
            elementwise("BCEWithLogitsLoss large", BCEWithLogitsLoss::new, -1000, 1000, p -> leaf(p.shape(), 0, 1)),
            classIdLoss("CrossEntropyLoss ids", CrossEntropyLoss::new, -3, 3),
            classIdLoss("CrossEntropyLoss ids large", CrossEntropyLoss::new, -1000, 1000),
            classIdLoss("NLLLoss", NLLLoss::new, -3, 0),
            // probability targets: positive rows that need not sum to 1 (tests the general formula)
            new Spec("CrossEntropyLoss probabilities", true, (r, shape) -> {
                Tensor z = leaf(shape, -3, 3);
                Tensor y = leaf(shape, 0, 1);
                Loss l = new CrossEntropyLoss(r);
                return new Problem(List.of(z, y), in -> l.forward(in.get(0), in.get(1)));
            }),
            new Spec("CrossEntropyLoss probabilities large", true, (r, shape) -> {
                Tensor z = leaf(shape, -1000, 1000);
                Tensor y = leaf(shape, 0, 1);
                Loss l = new CrossEntropyLoss(r);
                return new Problem(List.of(z, y), in -> l.forward(in.get(0), in.get(1)));
            }));

    /** Random shapes: rank 1 to 3 for element-wise losses; [N, C] and one sample [C] for classification. */
    static List<long[]> shapes(boolean classification) {
        List<long[]> shapes = new ArrayList<>();
        if (classification) {
            shapes.add(new long[] {1 + RNG.nextInt(5), 2 + RNG.nextInt(4)});
            shapes.add(new long[] {1 + RNG.nextInt(5), 2 + RNG.nextInt(4)});
            shapes.add(new long[] {2 + RNG.nextInt(4)});
        } else {
            for (int rank = 1; rank <= 3; rank++) {
                long[] s = new long[rank];
                for (int d = 0; d < rank; d++) {
                    s[d] = 1 + RNG.nextInt(4);
                }
                shapes.add(s);
            }
        }
        return shapes;
    }

    @TestFactory
    Stream<DynamicTest> everyLossAndReductionMatchesFiniteDifferences() {
        Nd4j.getRandom().setSeed(2024);
        List<DynamicTest> tests = new ArrayList<>();
        for (Spec spec : SPECS) {
            for (Reduction r : Reduction.values()) {
                for (long[] shape : shapes(spec.classification())) {
                    Problem p = spec.make().apply(r, shape);
                    tests.add(DynamicTest.dynamicTest(spec.name() + " " + r + " " + Arrays.toString(shape), () -> {
                        var result = GradCheck.run(scalar(r, p.loss(), p.inputs()), p.inputs().toArray(new Tensor[0]));
                        assertTrue(result.passes(1e-6), "max abs error " + result.maxAbsError()
                                + ", max rel error " + result.maxRelError() + " over " + result.checkedValues() + " values");
                    }));
                }
            }
        }
        return tests.stream();
    }
}
