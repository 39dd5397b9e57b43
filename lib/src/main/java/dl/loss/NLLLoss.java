package dl.loss;

import dl.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Negative log-likelihood of log-probabilities a [N, C] (e.g. the output of logSoftmax, or
 * log p of probabilities) for class ids y_i: l_i = −a_{i,y_i}.
 * CrossEntropyLoss(z, y) = NLLLoss(log softmax(z), y).
 *
 * <p>Derivative: ∂l_i/∂a_{i,j} = −1 for j = y_i, 0 elsewhere. Same as {@code torch.nn.NLLLoss}
 * (without weights or ignore_index); a 1-D input [C] is one sample.
 */
public final class NLLLoss extends Loss {

    public NLLLoss() {
        this(Reduction.MEAN);
    }

    public NLLLoss(Reduction reduction) {
        super(reduction);
    }

    /** Loss of log-probabilities [N, C] for the class ids {@code labels}. */
    public Tensor forward(Tensor logProbabilities, int... labels) {
        Tensor a = ClassIds.rows(name(), "log-probabilities", logProbabilities);
        ClassIds.check(name(), labels, a.size(0), a.size(1));
        return reduce(logProbabilities, perSample(a, labels));
    }

    /** Loss for class ids in an integer tensor [N]. */
    @Override
    public Tensor forward(Tensor logProbabilities, Tensor labels) {
        Tensor a = ClassIds.rows(name(), "log-probabilities", logProbabilities);
        return reduce(logProbabilities, perSample(a, ClassIds.of(name(), labels, a.size(0), a.size(1))));
    }

    /** Loss for class ids in an Nd4j integer array [N]. */
    public Tensor forward(Tensor logProbabilities, INDArray labels) {
        return forward(logProbabilities, Tensor.of(labels));
    }

    private Tensor reduce(Tensor input, Tensor perSample) {
        Tensor r = reduction().apply(perSample);
        return input.rank() == 1 && reduction() == Reduction.NONE ? r.reshape() : r;
    }

    /** l_i = −a_{i,y_i};  ∂l_i/∂a_i = −onehot(y_i). */
    static Tensor perSample(Tensor logProbabilities, int[] labels) {
        INDArray a = logProbabilities.data();
        INDArray oneHot = ClassIds.oneHot(labels, a.size(1), a.dataType());
        return Tensor.op("nll", a.mul(oneHot).sum(1).negi(),
                g -> new INDArray[] {oneHot.mulColumnVector(CrossEntropyLoss.asColumn(g)).negi()}, logProbabilities);
    }

    /** Class ids: labels [N] as integers (a float [N, C] target stays class probabilities). */
    @Override
    public Tensor targetFor(INDArray y, Tensor prediction) {
        return ClassIds.fromLabels(name(), y);
    }
}
