package dl.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The backward rule of one operation: given dL/d(output), return dL/d(input) for each input,
 * in the order the inputs were recorded (null for an input that needs no gradient).
 * Gradients may have the broadcast (output) shape; the engine sums them back to each input's shape.
 */
@FunctionalInterface
public interface Backward {
    INDArray[] apply(INDArray gradOutput);
}
