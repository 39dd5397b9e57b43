package dl.optim;

import static dl.Check.check;

import dl.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The course's optimizer facts (TOPICS.md chapters 06, 07 and 16), run through our optimizers
 * with PyTorch's update rules on f(w) = w², w₀ = 1, the gradient coming from autograd.
 *
 * <p>Which numbers need the seeds' conventions: only Nesterov. PyTorch's parameter is the
 * seeds' look-ahead point, so the seeds' w is recovered as p + α·η·v. Every other number comes
 * out of the PyTorch-configured optimizer directly: ε is 1e-10 (AdaGrad) or 1e-8 (RMSProp, Adam),
 * too small to matter at 6 decimals whether it sits inside the root or after it; PyTorch's
 * momentum v = αv + g with p −= η·v equals the seeds' h = αh + ηg for a constant η; and PyTorch's
 * AdamW step p·(1 − ηλ) − η·m̂/(√v̂ + ε) is the seeds' w − η(m̂/√v̂ + λw) written out.
 */
class CourseFactsTest {

    static Tensor w0() {
        return new Tensor(Nd4j.createFromArray(1.0), true).name("w");
    }

    /** w₁ … w_steps of an optimizer minimizing w², from w₀ = 1. */
    static double[] path(Function<List<Tensor>, Optimizer> make, int steps) {
        Tensor w = w0();
        Optimizer opt = make.apply(List.of(w));
        double[] ws = new double[steps];
        for (int t = 0; t < steps; t++) {
            opt.zeroGrad();
            w.pow(2).sum().backward();
            opt.step();
            ws[t] = w.data().getDouble(0);
        }
        return ws;
    }

    static void checkPath(String name, double[] ws, double w1, double w2) {
        check(name + " w1", ws[0], w1, 1e-6);
        check(name + " w2", ws[1], w2, 1e-6);
    }

    // ---------------------------------------------------------------- chapter 07

    @Test
    void gradientDescent() {
        checkPath("GD", path(ps -> new SGD(ps, 0.1), 2), 0.8, 0.64);
    }

    @Test
    void momentum() {
        // PyTorch: v = 0.9 v + g, w −= 0.1 v;  the seeds: h = 0.9 h + 0.1 g, w −= h; same iterates
        checkPath("Momentum", path(ps -> new SGD(ps, 0.1).momentum(0.9), 2), 0.8, 0.46);
    }

    @Test
    void nesterovIsTheSeedsLookAheadPoint() {
        Tensor w = w0();
        SGD opt = new SGD(List.of(w), 0.1).momentum(0.9).nesterov(true);
        double[] seeds = {0.8, 0.496};
        // Worked by hand with PyTorch's rule: v₁ = g₀ = 2, p₁ = 1 − 0.1·(2 + 0.9·2) = 0.62;
        // g₁ = 1.24, v₂ = 0.9·2 + 1.24 = 3.04, p₂ = 0.62 − 0.1·(1.24 + 0.9·3.04) = 0.2224.
        double[] pytorch = {0.62, 0.2224};
        for (int t = 0; t < 2; t++) {
            opt.zeroGrad();
            w.pow(2).sum().backward();
            opt.step();
            double p = w.data().getDouble(0);
            double v = opt.state(w).get("momentum_buffer").getDouble(0);
            check("Nesterov (PyTorch's parameter) p" + (t + 1), p, pytorch[t], 1e-9);
            // the seeds' iterate w = p + α·h with h = η·v (p is the look-ahead point w − α·h)
            check("Nesterov (seeds' w = p + α·η·v) w" + (t + 1), p + 0.9 * 0.1 * v, seeds[t], 1e-6);
        }
    }

    @Test
    void adaGrad() {
        checkPath("AdaGrad (PyTorch, ε = 1e-10 after the root)", path(ps -> new AdaGrad(ps, 0.1), 2), 0.9, 0.833104);
        // the seeds put ε inside the root; with ε → 0 both placements give the same numbers
        checkPath("AdaGrad (ε = 0)", path(ps -> new AdaGrad(ps, 0.1).eps(0), 2), 0.9, 0.833104);
    }

    @Test
    void rmsProp() {
        checkPath("RMSProp α = 0.9", path(ps -> new RMSProp(ps, 0.1).alpha(0.9), 2), 0.683772, 0.498871);
    }

    @Test
    void adam() {
        checkPath("Adam", path(ps -> new Adam(ps, 0.1), 2), 0.9, 0.800412);
        // the first step is ≈ η·sign(g), whatever the scale of the gradient
        Tensor w = w0();
        Adam opt = new Adam(List.of(w), 0.1);
        w.pow(2).mul(1000).sum().backward();
        opt.step();
        check("Adam first step with a 1000× larger gradient", 1 - w.data().getDouble(0), 0.1, 1e-6);
    }

    @Test
    void adamWMatchesTheSeedsDecoupledForm() {
        // PyTorch: p = p·(1 − ηλ) − η·m̂/(√v̂ + ε); the seeds: w = w − η·(m̂/√v̂ + λ·w). Same numbers.
        checkPath("AdamW λ = 0.1", path(ps -> new AdamW(ps, 0.1).weightDecay(0.1), 2), 0.89, 0.781572);
    }

    /** L = Σ w·g: a constant gradient g. */
    static void constantGradient(Tensor w, double g) {
        w.mul(Tensor.ofDouble(g)).sum().backward();
    }

    @Test
    void momentumUnderAConstantGradient() {
        Tensor w = w0();
        double g = 0.5;
        double eta = 0.1;
        SGD opt = new SGD(List.of(w), eta).momentum(0.9);
        double before = 0;
        for (int t = 1; t <= 200; t++) {
            before = w.data().getDouble(0);
            opt.zeroGrad();
            constantGradient(w, g);
            opt.step();
            double factor = opt.state(w).get("momentum_buffer").getDouble(0) / g;
            if (t == 10) {
                check("momentum factor (1 − α^t)/(1 − α) at t = 10", factor, 6.513216, 1e-6);
                check("step at t = 10 is η·g·6.513216", before - w.data().getDouble(0), eta * g * 6.513216, 1e-6);
            }
        }
        check("momentum factor tends to 1/(1 − α) = 10",
                opt.state(w).get("momentum_buffer").getDouble(0) / g, 10, 1e-6);
        check("step at t = 200 ≈ η·g·10", before - w.data().getDouble(0), eta * g * 10, 1e-6);
    }

    @Test
    void adaGradStepShrinksAsOneOverRootT() {
        Tensor w = w0();
        double eta = 0.5;
        AdaGrad opt = new AdaGrad(List.of(w), eta);
        double step = 0;
        for (int t = 1; t <= 100; t++) {
            double before = w.data().getDouble(0);
            opt.zeroGrad();
            constantGradient(w, 3.0);
            opt.step();
            step = before - w.data().getDouble(0);
            if (t == 4) {
                check("AdaGrad step at t = 4 is η/√4", step, eta / 2, 1e-9);
            }
        }
        check("AdaGrad step at t = 100 is 0.1·η", step, 0.1 * eta, 1e-9);
    }

    // ---------------------------------------------------------------- chapter 06

    @Test
    void gradientDescentOnWSquaredConvergesIffEtaBelowOne() {
        double[] etas = {0.01, 0.1, 0.9, 1.1};
        double[] w10 = {0.817073, 0.107374, 0.107374, 6.191736};
        for (int i = 0; i < etas.length; i++) {
            double eta = etas[i];
            double[] ws = path(ps -> new SGD(ps, eta), 10);
            check("GD on w² with η = " + eta + ": w10 = (1 − 2η)^10", ws[9], w10[i], 1e-6);
            check("GD with η = " + eta + (eta < 1 ? " converges (|w10| < 1)" : " diverges (|w10| > 1)"),
                    eta < 1 == Math.abs(ws[9]) < 1);
        }
        double[] ws = path(ps -> new SGD(ps, 0.9), 10);
        for (int t = 0; t < 10; t++) {
            check("η = 0.9: the sign of w" + (t + 1) + " flips every step", Math.signum(ws[t]) == (t % 2 == 0 ? -1 : 1));
        }
    }

    // ---------------------------------------------------------------- chapter 16

    @Test
    void clippingByValueAndByNorm() {
        Tensor a = new Tensor(Nd4j.zeros(DataType.DOUBLE, 3), true);
        a.mul(Tensor.ofDouble(3, -0.5, 10)).sum().backward();
        Clip.gradValue(List.of(a), 1);
        check("clip [3, −0.5, 10] by value 1", a.grad().toDoubleVector(), new double[] {1, -0.5, 1}, 1e-12);

        Tensor b = new Tensor(Nd4j.zeros(DataType.DOUBLE, 2), true);
        b.mul(Tensor.ofDouble(3, 4)).sum().backward();
        double norm = Clip.gradNorm(List.of(b), 1);
        check("‖[3, 4]‖ returned by Clip.gradNorm", norm, 5, 1e-12);
        check("clip [3, 4] by norm 1", b.grad().toDoubleVector(), new double[] {0.6, 0.8}, 1e-6);
    }
}
