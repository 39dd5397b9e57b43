package dl.loss;

import dl.tensor.LogSoftmaxMath;
import dl.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

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
 * <p>The softmax is computed as e^{z − max} (see {@link LogSoftmaxMath}): logits of ±1000 give a
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

    /**
     * One fused op: l_i = −log softmax(z_i)_{y_i} = −Σ_j onehot_ij log p_ij;
     * ∂l_i/∂z_i = (softmax(z_i) − onehot(y_i)) g_i, with one backward for softmax and −log.
     */
    static Tensor fromClassIds(Tensor logits, int[] labels) {
        INDArray logP = LogSoftmaxMath.logSoftmax(logits.data(), 1);
        INDArray oneHot = ClassIds.oneHot(labels, logP.size(1), logP.dataType());
        INDArray loss = logP.mul(oneHot).sum(1).negi();
        return Tensor.op("crossEntropy", loss, g -> new INDArray[] {
            Transforms.exp(logP, true).subi(oneHot).muliColumnVector(asColumn(g))}, logits);
    }

    /**
     * One fused op: l_i = −Σ_j Y_ij log p_ij;  ∂l_i/∂z_ij = (p_ij Σ_k Y_ik − Y_ij) g_i,
     * ∂l_i/∂Y_ij = −log p_ij g_i.
     */
    static Tensor fromProbabilities(Tensor logits, Tensor target) {
        INDArray logP = LogSoftmaxMath.logSoftmax(logits.data(), 1);
        INDArray y = target.data();
        INDArray loss = logP.mul(y).sum(1).negi();
        return Tensor.op("crossEntropy", loss, g -> {
            INDArray gColumn = asColumn(g);
            INDArray dz = Transforms.exp(logP, true).muliColumnVector(asColumn(y.sum(1))).subi(y).muliColumnVector(gColumn);
            INDArray dy = target.requiresGrad() ? logP.neg().muliColumnVector(gColumn) : null;
            return new INDArray[] {dz, dy};
        }, logits, target);
    }

    /** A per-row gradient [N] as a column [N, 1], for row-wise scaling. */
    static INDArray asColumn(INDArray perRow) {
        return perRow.reshape(perRow.length(), 1);
    }

    /** Class ids: labels [N] as integers (a float [N, C] target stays class probabilities). */
    @Override
    public Tensor targetFor(INDArray y, Tensor prediction) {
        return ClassIds.fromLabels(name(), y);
    }
}
