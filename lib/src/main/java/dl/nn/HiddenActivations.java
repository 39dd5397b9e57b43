package dl.nn;

import dl.tensor.Tensor;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Which activations inside a {@link Sequential} may give their memory back right after
 * backward(): those that only the graph can reach. That holds when the layer that made the value
 * and the layer that read it are stateless layers of this library (they keep no reference to
 * their input or output), and the value shares no memory with the model's input or the next
 * output (a Flatten or Identity returns a view of, or the same array as, its input).
 *
 * <p>Why: Nd4j frees a buffer only after the garbage collector finds its owner unreachable, so
 * without this every training step works in fresh, not yet touched memory (page faults on every
 * array); freed at once, the next step reuses memory that is already mapped and in the cache.
 */
final class HiddenActivations {

    /** Layers whose forward keeps no reference to its input or output. */
    private static final Set<Class<?>> STATELESS = Set.of(Linear.class, ReLU.class, Sigmoid.class, Tanh.class,
            LeakyReLU.class, ELU.class, Dropout.class, Softmax.class, LogSoftmax.class, Maxout.class);

    /** {@code -Ddl.releaseHidden=false} turns it off (to measure what it brings: bench/run). */
    private static final boolean ENABLED = !"false".equals(System.getProperty("dl.releaseHidden"));

    private HiddenActivations() {}

    static boolean releasable(Tensor hidden, Module producer, Module consumer, Tensor next, Tensor input) {
        if (!ENABLED || hidden == input || hidden == next || hidden.isLeaf() || !hidden.requiresGrad()) {
            return false;
        }
        if (!STATELESS.contains(producer.getClass()) || !STATELESS.contains(consumer.getClass())) {
            return false;
        }
        INDArray h = hidden.data();
        return !h.isView() && !overlaps(h, input.data()) && !overlaps(h, next.data());
    }

    /** True if the two arrays' buffers share any byte. */
    static boolean overlaps(INDArray a, INDArray b) {
        if (a.data() == b.data()) {
            return true;
        }
        long a0 = a.data().address();
        long a1 = a0 + a.data().length() * a.data().getElementSize();
        long b0 = b.data().address();
        long b1 = b0 + b.data().length() * b.data().getElementSize();
        return a0 < b1 && b0 < a1;
    }
}
