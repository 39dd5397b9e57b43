package dl.data;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Principal component analysis: the directions of largest variance of points x [N, d], for
 * drawing high-dimensional vectors (embeddings, hidden activations) in 2-D.
 *
 * <p>With the centred data X = x - mean, the components are the top eigenvectors of the
 * covariance C = Xᵀ X / (N - 1), and a point's coordinates are its projections
 * y = (x - mean) V onto them. The eigenvalues are the variances along the components
 * (as scikit-learn's {@code explained_variance_}). Everything is computed in double precision
 * with the Jacobi eigenvalue method, on C (d × d) or, when there are fewer points than
 * dimensions, on the Gram matrix X Xᵀ (N × N), which has the same non-zero eigenvalues
 * (v = Xᵀ u / |Xᵀ u| for its eigenvector u). Each component's sign is fixed so that its
 * largest coefficient is positive, so results repeat.
 *
 * <pre>{@code
 * Pca pca = Pca.fit(wordVectors, 2);
 * Plot.embedding("words", pca.transform(wordVectors), words);
 * }</pre>
 */
public final class Pca {

    private static final int MAX_SWEEPS = 100;

    private final double[] mean;
    private final double[][] components;   // k rows of length d, orthonormal
    private final double[] variances;      // k, descending
    private final double totalVariance;

    private Pca(double[] mean, double[][] components, double[] variances, double totalVariance) {
        this.mean = mean;
        this.components = components;
        this.variances = variances;
        this.totalVariance = totalVariance;
    }

    /** The first {@code k} principal components of the rows of {@code x} [N, d]. */
    public static Pca fit(INDArray x, int k) {
        String where = "Pca.fit";
        if (x == null || x.rank() != 2) {
            throw new IllegalArgumentException(where + ": expected points [N, d], got "
                    + (x == null ? "null" : Arrays.toString(x.shape())));
        }
        int n = (int) x.size(0);
        int d = (int) x.size(1);
        if (n < 2) {
            throw new IllegalArgumentException(where + ": needs at least 2 points, got " + n);
        }
        if (k < 1 || k > Math.min(n, d)) {
            throw new IllegalArgumentException(where + ": k must be in 1.." + Math.min(n, d) + " for " + n
                    + " points of dimension " + d + ", got " + k);
        }
        double[][] rows = toRows(x);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(rows[i][j])) {
                    throw new IllegalArgumentException(where + ": value [" + i + ", " + j + "] is " + rows[i][j]);
                }
            }
        }
        double[] mean = new double[d];
        for (double[] r : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += r[j] / n;
            }
        }
        for (double[] r : rows) {
            for (int j = 0; j < d; j++) {
                r[j] -= mean[j];
            }
        }
        boolean gram = n < d;
        int m = gram ? n : d;
        double[][] a = new double[m][m];
        for (int p = 0; p < m; p++) {
            for (int q = p; q < m; q++) {
                double s = 0;
                if (gram) {
                    for (int j = 0; j < d; j++) {
                        s += rows[p][j] * rows[q][j];
                    }
                } else {
                    for (double[] r : rows) {
                        s += r[p] * r[q];
                    }
                }
                a[p][q] = s;
                a[q][p] = s;
            }
        }
        double total = 0;
        for (int p = 0; p < m; p++) {
            total += a[p][p];
        }
        double[][] vectors = jacobi(a);   // a now holds the eigenvalues on its diagonal
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Double.compare(a[j][j], a[i][i]));
        double[][] components = new double[k][];
        double[] variances = new double[k];
        for (int c = 0; c < k; c++) {
            int e = order[c];
            double lambda = Math.max(0, a[e][e]);
            double[] v = new double[d];
            if (gram) {
                for (int i = 0; i < n; i++) {
                    double u = vectors[i][e];
                    for (int j = 0; j < d; j++) {
                        v[j] += rows[i][j] * u;
                    }
                }
            } else {
                for (int j = 0; j < d; j++) {
                    v[j] = vectors[j][e];
                }
            }
            normalizeWithSign(v);
            components[c] = v;
            variances[c] = lambda / (n - 1);
        }
        return new Pca(mean, components, variances, total / (n - 1));
    }

    /** Coordinates of the rows of {@code x} [M, d] on the components: [M, k]. */
    public INDArray transform(INDArray x) {
        int d = mean.length;
        if (x == null || x.rank() != 2 || x.size(1) != d) {
            throw new IllegalArgumentException("Pca.transform: expected points [M, " + d + "], got "
                    + (x == null ? "null" : Arrays.toString(x.shape())));
        }
        double[][] rows = toRows(x);
        double[][] out = new double[rows.length][components.length];
        for (int i = 0; i < rows.length; i++) {
            for (int c = 0; c < components.length; c++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += (rows[i][j] - mean[j]) * components[c][j];
                }
                out[i][c] = s;
            }
        }
        return Nd4j.createFromArray(out);
    }

    /** The components as rows [k, d] (orthonormal). */
    public INDArray components() {
        return Nd4j.createFromArray(components);
    }

    /** The variance along each component, largest first (sample variance, divided by N - 1). */
    public double[] variances() {
        return variances.clone();
    }

    /** Share of the total variance each component explains. */
    public double[] varianceRatios() {
        double[] r = new double[variances.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = totalVariance > 0 ? variances[i] / totalVariance : 0;
        }
        return r;
    }

    /** The mean that was subtracted, [d]. */
    public INDArray mean() {
        return Nd4j.createFromArray(mean);
    }

    @Override
    public String toString() {
        return "Pca(" + components.length + " of " + mean.length + " dimensions, variance ratios "
                + Arrays.toString(Arrays.stream(varianceRatios()).map(v -> Math.round(v * 1e4) / 1e4).toArray()) + ")";
    }

    private static double[][] toRows(INDArray x) {
        INDArray dense = x.castTo(DataType.DOUBLE).dup('c');
        int n = (int) dense.size(0);
        int d = (int) dense.size(1);
        double[] flat = dense.data().asDouble();
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = Arrays.copyOfRange(flat, i * d, (i + 1) * d);
        }
        return rows;
    }

    /** Unit length, with the largest-magnitude coefficient positive. */
    private static void normalizeWithSign(double[] v) {
        double norm = 0;
        int big = 0;
        for (int j = 0; j < v.length; j++) {
            norm += v[j] * v[j];
            if (Math.abs(v[j]) > Math.abs(v[big])) {
                big = j;
            }
        }
        norm = Math.sqrt(norm);
        double scale = (v[big] < 0 ? -1 : 1) / (norm > 0 ? norm : 1);
        for (int j = 0; j < v.length; j++) {
            v[j] *= scale;
        }
    }

    /**
     * Cyclic Jacobi: rotates the symmetric matrix a in place until it is diagonal (its
     * eigenvalues) and returns the accumulated rotations, whose columns are the eigenvectors.
     */
    static double[][] jacobi(double[][] a) {
        int m = a.length;
        double[][] v = new double[m][m];
        for (int i = 0; i < m; i++) {
            v[i][i] = 1;
        }
        double scale = 0;
        for (double[] row : a) {
            for (double x : row) {
                scale += x * x;
            }
        }
        double tolerance = 1e-24 * Math.max(scale, Double.MIN_NORMAL);
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            for (int p = 0; p < m; p++) {
                for (int q = p + 1; q < m; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off <= tolerance) {
                return v;
            }
            for (int p = 0; p < m; p++) {
                for (int q = p + 1; q < m; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int r = 0; r < m; r++) {
                        double arp = a[r][p];
                        double arq = a[r][q];
                        a[r][p] = c * arp - s * arq;
                        a[r][q] = s * arp + c * arq;
                    }
                    for (int r = 0; r < m; r++) {
                        double apr = a[p][r];
                        double aqr = a[q][r];
                        a[p][r] = c * apr - s * aqr;
                        a[q][r] = s * apr + c * aqr;
                    }
                    for (int r = 0; r < m; r++) {
                        double vrp = v[r][p];
                        double vrq = v[r][q];
                        v[r][p] = c * vrp - s * vrq;
                        v[r][q] = s * vrp + c * vrq;
                    }
                }
            }
        }
        throw new IllegalStateException("Pca: the Jacobi eigenvalue method did not converge in " + MAX_SWEEPS + " sweeps");
    }
}
