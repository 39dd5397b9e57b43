package dl.tensor;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Compares autograd with central finite differences:
 * dL/dx_i ≈ (L(x + h e_i) - L(x - h e_i)) / 2h, error O(h²).
 *
 * <p>Inputs must be fp64 leaf tensors that require grad; {@code loss} must return a one-element tensor.
 */
public final class GradCheck {

    private GradCheck() {}

    /** Largest differences found by {@link #run}. */
    public record Result(double maxAbsError, double maxRelError, int checkedValues) {
        /** True when every value agrees within {@code tol} absolute or relative. */
        public boolean passes(double tol) {
            return maxAbsError <= tol || maxRelError <= tol;
        }
    }

    /** Numerical gradient of {@code loss} with respect to each input, by central differences. */
    public static INDArray[] numerical(Function<List<Tensor>, Tensor> loss, List<Tensor> inputs, double h) {
        INDArray[] grads = new INDArray[inputs.size()];
        try (var g = Tensor.noGrad()) {
            for (int k = 0; k < inputs.size(); k++) {
                INDArray x = inputs.get(k).data();
                INDArray flat = x.reshape(x.length());
                INDArray out = x.ulike();
                INDArray outFlat = out.reshape(out.length());
                for (long i = 0; i < x.length(); i++) {
                    double orig = flat.getDouble(i);
                    flat.putScalar(i, orig + h);
                    double plus = loss.apply(inputs).item();
                    flat.putScalar(i, orig - h);
                    double minus = loss.apply(inputs).item();
                    flat.putScalar(i, orig);
                    outFlat.putScalar(i, (plus - minus) / (2 * h));
                }
                grads[k] = out;
            }
        }
        return grads;
    }

    /**
     * {@link #numerical} as tensors: the central-difference estimate of dL/d(input k), shaped like
     * input k, so a notebook can compare it with {@code grad()} without touching Nd4j arrays.
     */
    public static List<Tensor> finiteDifferences(Function<List<Tensor>, Tensor> loss, List<Tensor> inputs, double h) {
        List<Tensor> grads = new java.util.ArrayList<>();
        for (INDArray g : numerical(loss, inputs, h)) {
            grads.add(Tensor.of(g));
        }
        return List.copyOf(grads);
    }

    /** Runs autograd and finite differences (h = 1e-6) and returns the worst disagreement. */
    public static Result run(Function<List<Tensor>, Tensor> loss, Tensor... inputs) {
        for (Tensor t : inputs) {
            if (t.dtype() != DataType.DOUBLE || !t.isLeaf() || !t.requiresGrad()) {
                throw new IllegalArgumentException("GradCheck: inputs must be fp64 leaf tensors with requiresGrad(true), got "
                        + t.describe() + " dtype=" + t.dtype() + " leaf=" + t.isLeaf() + " requiresGrad=" + t.requiresGrad());
            }
            if (t.data().ordering() != 'c' || t.data().isView()) {
                throw new IllegalArgumentException("GradCheck: input " + t.describe() + " must own contiguous data; pass a dup()");
            }
            t.zeroGrad();
        }
        List<Tensor> in = Arrays.asList(inputs);
        loss.apply(in).backward();
        INDArray[] numeric = numerical(loss, in, 1e-6);
        double maxAbs = 0;
        double maxRel = 0;
        int n = 0;
        for (int k = 0; k < inputs.length; k++) {
            INDArray analytic = inputs[k].grad();
            if (analytic == null) {
                analytic = numeric[k].ulike().assign(0);
            }
            INDArray diff = analytic.sub(numeric[k]);
            for (long i = 0; i < diff.length(); i++) {
                double a = Math.abs(diff.getDouble(i));
                double scale = Math.max(Math.abs(analytic.getDouble(i)), Math.abs(numeric[k].getDouble(i)));
                maxAbs = Math.max(maxAbs, a);
                maxRel = Math.max(maxRel, scale == 0 ? 0 : a / scale);
                n++;
            }
        }
        return new Result(maxAbs, maxRel, n);
    }
}
