package dl.loss;

import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.Arrays;

/**
 * FaceNet's triplet loss with squared Euclidean distances and margin α:
 * <pre>
 *   l_i = max(0, ‖f(a_i) − f(p_i)‖² − ‖f(a_i) − f(n_i)‖² + α),   L = mean_i l_i
 * </pre>
 * An anchor must be closer to a positive (same identity) than to a negative by α. A negative is
 * <b>hard</b> when d_an &lt; d_ap, <b>semi-hard</b> when d_ap &lt; d_an &lt; d_ap + α (still a loss, but
 * not the confusing hardest case), easy otherwise (no loss). With α = 0.2, a = (0,0), p = (0.3,0.4):
 * n = (0.6,0) is semi-hard with loss 0.09, n = (1,0) gives 0, n = (0.4,0) is hard with loss 0.29.
 * Composed of tensor operations, so autograd gives the gradient
 * ∂l/∂a = 2(n − p), ∂l/∂p = −2(a − p), ∂l/∂n = 2(a − n) where l &gt; 0.
 */
public final class TripletLoss {

    private final double margin;

    public TripletLoss(double margin) {
        if (!(margin >= 0)) {
            throw new IllegalArgumentException("TripletLoss: margin must be >= 0, got " + margin);
        }
        this.margin = margin;
    }

    public double margin() {
        return margin;
    }

    /** Mean loss of triplets given as rows of anchor, positive and negative embeddings [N, D]. */
    public Tensor forward(Tensor anchor, Tensor positive, Tensor negative) {
        if (anchor.rank() != 2 || !Arrays.equals(anchor.shape(), positive.shape()) || !Arrays.equals(anchor.shape(), negative.shape())) {
            throw new ShapeException("TripletLoss.forward: anchor, positive and negative must all be [N, D], got "
                    + Arrays.toString(anchor.shape()) + ", " + Arrays.toString(positive.shape()) + ", " + Arrays.toString(negative.shape()));
        }
        Tensor dap = anchor.sub(positive).square().sum(false, 1);
        Tensor dan = anchor.sub(negative).square().sum(false, 1);
        return dap.sub(dan).add(margin).relu().mean();
    }

    /** The kind of a negative for one anchor-positive pair, from the squared distances. */
    public enum Kind { HARD, SEMI_HARD, EASY }

    public Kind kind(double dap, double dan) {
        if (dan < dap) {
            return Kind.HARD;
        }
        return dan < dap + margin ? Kind.SEMI_HARD : Kind.EASY;
    }

    /**
     * Online semi-hard mining in a batch of embeddings [N, D] with identity labels: for every
     * anchor-positive pair (i ≠ j, same label) the negative is the closest one farther than the
     * positive (d_an &gt; d_ap; semi-hard when within the margin); when no negative is farther, the
     * farthest negative is used. Returns the mean loss over all pairs (0 when there are none).
     */
    public Tensor semiHard(Tensor embeddings, int[] labels) {
        if (embeddings.rank() != 2 || embeddings.size(0) != labels.length) {
            throw new ShapeException("TripletLoss.semiHard: embeddings must be [N, D] with N = " + labels.length
                    + " labels, got " + Arrays.toString(embeddings.shape()));
        }
        int n = labels.length;
        double[][] e = embeddings.toDoubleMatrix();     // plain Java: n² small sums, no per-pair native calls
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                for (int k = 0; k < e[i].length; k++) {
                    double diff = e[i][k] - e[j][k];
                    s += diff * diff;
                }
                d[i][j] = s;
                d[j][i] = s;
            }
        }
        java.util.List<Integer> as = new java.util.ArrayList<>();
        java.util.List<Integer> ps = new java.util.ArrayList<>();
        java.util.List<Integer> ns = new java.util.ArrayList<>();
        for (int a = 0; a < n; a++) {
            for (int p = 0; p < n; p++) {
                if (p == a || labels[p] != labels[a]) {
                    continue;
                }
                int closestFarther = -1;
                int farthest = -1;
                for (int q = 0; q < n; q++) {
                    if (labels[q] == labels[a]) {
                        continue;
                    }
                    if (d[a][q] > d[a][p] && (closestFarther < 0 || d[a][q] < d[a][closestFarther])) {
                        closestFarther = q;
                    }
                    if (farthest < 0 || d[a][q] > d[a][farthest]) {
                        farthest = q;
                    }
                }
                int neg = closestFarther >= 0 ? closestFarther : farthest;
                if (neg >= 0) {
                    as.add(a);
                    ps.add(p);
                    ns.add(neg);
                }
            }
        }
        if (as.isEmpty()) {
            return embeddings.sum().mul(0.0);
        }
        return forward(embeddings.index(toArray(as)), embeddings.index(toArray(ps)), embeddings.index(toArray(ns)));
    }

    private static int[] toArray(java.util.List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).toArray();
    }
}
