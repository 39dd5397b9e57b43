package dl.loss;

import dl.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Cross-entropy from raw class scores (logits) z [N, C]: softmax and −log in one stable step.
 * <ul>
 *   <li>With class indices y_i ∈ {0..C−1} (an int[] or an integer tensor [N]):
 *       l_i = −log softmax(z_i)_{y_i} = log Σ_j e^{z_ij} − z_{i,y_i}.</li>
 *   <li>With class probabilities Y [N, C] (floating point, same shape as z):
 *       l_i = −Σ_j Y_ij log softmax(z_i)_j.</li>
 * </ul>
 * Derivative with p = softmax(z): ∂l_i/∂z_i = p_i − y_i (y_i one-hot, or the row of Y when
 * it sums to 1; in general p_i Σ_j Y_ij − Y_i), so with the mean the gradient is (p − y)/N.
 * For probabilities also ∂l_i/∂Y_ij = −log p_ij.
 *
 * <p>The softmax is computed as e^{z − max} (see {@link RowSoftmax}): logits of ±1000 give a
 * finite loss and gradient. A 1-D z [C] is one sample. Same as {@code torch.nn.CrossEntropyLoss}
 * (without weights, ignore_index or label smoothing); {@link Reduction#NONE} gives one loss per sample.
 */
public final class CrossEntropyLoss extends Loss {

    public CrossEntropyLoss() {
        this(Reduction.MEAN);
    }

    public CrossEntropyLoss(Reduction reduction) {
        super(reduction);
    }

    /** Loss of logits [N, C] for the class ids {@code labels} (one per row, each in 0..C−1). */
    public Tensor forward(Tensor logits, int... labels) {
        Tensor z = ClassIds.rows(name(), "logits", logits);
        ClassIds.check(name(), labels, z.size(0), z.size(1));
        return reduce(logits, fromClassIds(z, labels));
    }

    /**
     * Loss of logits [N, C] against {@code target}: an integer tensor [N] of class ids, or a
     * floating-point tensor [N, C] of class probabilities (PyTorch tells them apart the same way).
     */
    @Override
    public Tensor forward(Tensor logits, Tensor target) {
        Tensor z = ClassIds.rows(name(), "logits", logits);
        if (target != null && target.dtype().isFPType() && target.rank() == logits.rank()) {
            Tensor y = Targets.matching(name(), logits, target);
            return reduce(logits, fromProbabilities(z, logits.rank() == 1 ? y.reshape(z.shape()) : y));
        }
        return reduce(logits, fromClassIds(z, ClassIds.of(name(), target, z.size(0), z.size(1))));
    }

    /** Loss against class ids held in an Nd4j integer array [N]. */
    public Tensor forward(Tensor logits, INDArray labels) {
        return forward(logits, Tensor.of(labels));
    }

    /** One sample's logits [C] give one loss: NONE returns a scalar, as PyTorch. */
    private Tensor reduce(Tensor logits, Tensor perSample) {
        Tensor r = reduction().apply(perSample);
        return logits.rank() == 1 && reduction() == Reduction.NONE ? r.reshape() : r;
    }

    /** l_i = logΣexp(z_i) − z_{i,y_i};  ∂l_i/∂z_i = softmax(z_i) − onehot(y_i). */
    static Tensor fromClassIds(Tensor logits, int[] labels) {
        RowSoftmax s = new RowSoftmax(logits.data());
        int n = labels.length;
        INDArray loss = Nd4j.createUninitialized(logits.dtype(), n);
        for (int i = 0; i < n; i++) {
            loss.putScalar(i, s.logSumExp.getDouble(i, 0) - s.shifted.getDouble(i, labels[i]));
        }
        return Tensor.op("crossEntropy", loss, g -> {
            INDArray dz = s.probabilities.dup();
            for (int i = 0; i < n; i++) {
                dz.putScalar(i, labels[i], dz.getDouble(i, labels[i]) - 1);
            }
            return new INDArray[] {dz.muliColumnVector(g.reshape(n, 1))};
        }, logits);
    }

    /** l_i = −Σ_j Y_ij log p_ij;  ∂l_i/∂z_i = p_i Σ_j Y_ij − Y_i,  ∂l_i/∂Y_i = −log p_i. */
    static Tensor fromProbabilities(Tensor logits, Tensor target) {
        RowSoftmax s = new RowSoftmax(logits.data());
        INDArray logP = s.logProbabilities();
        INDArray y = target.data();
        long n = logits.size(0);
        INDArray loss = y.mul(logP).sum(1).negi();
        return Tensor.op("crossEntropy", loss, g -> {
            INDArray gColumn = g.reshape(n, 1);
            INDArray dz = s.probabilities.mulColumnVector(y.sum(true, 1)).subi(y).muliColumnVector(gColumn);
            INDArray dy = target.requiresGrad() ? logP.mulColumnVector(gColumn).negi() : null;
            return new INDArray[] {dz, dy};
        }, logits, target);
    }
}
