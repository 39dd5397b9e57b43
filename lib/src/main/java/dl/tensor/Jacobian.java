package dl.tensor;

import java.util.function.Function;

/**
 * The Jacobian J[i][j] = ∂f(x)_i / ∂x_j of a function of one tensor, by reverse mode: one
 * backward pass per output component (fine for the handful of components one looks at by eye).
 * Inputs and outputs are read flat, in row-major order.
 */
public final class Jacobian {

    private Jacobian() {}

    /** The Jacobian of {@code f} at {@code at}; {@code at} is copied, so it need not require grad. */
    public static double[][] of(Function<Tensor, Tensor> f, Tensor at) {
        Tensor x = new Tensor(at.data().dup(), true);
        Tensor y = f.apply(x);
        int m = (int) y.length();
        double[][] jac = new double[m][];
        for (int i = 0; i < m; i++) {
            x.zeroGrad();
            Tensor yi = f.apply(x).reshape(m).select(0, i);
            if (!yi.requiresGrad()) {
                jac[i] = new double[(int) x.length()];
                continue;
            }
            yi.backward();
            jac[i] = x.grad() == null ? new double[(int) x.length()] : x.gradTensor().reshape(x.length()).toDoubleArray();
        }
        return jac;
    }
}
