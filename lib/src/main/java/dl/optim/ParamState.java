package dl.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What an optimizer remembers about one parameter, under PyTorch's names: the number of updates
 * ({@code step}) and buffers shaped like the parameter, e.g. SGD's {@code momentum_buffer},
 * AdaGrad's {@code sum}, RMSProp's {@code square_avg}, Adam's {@code exp_avg} (first moment)
 * and {@code exp_avg_sq} (second moment).
 */
public final class ParamState {

    private long step;
    private final Map<String, INDArray> buffers = new LinkedHashMap<>();

    /** Number of updates this parameter received. */
    public long step() {
        return step;
    }

    void advance() {
        step++;
    }

    /** The buffer called {@code name}, or null if the optimizer keeps none of that name (yet). */
    public INDArray get(String name) {
        return buffers.get(name);
    }

    public boolean has(String name) {
        return buffers.containsKey(name);
    }

    /** All buffers by name (read-only map; the arrays are the live ones). */
    public Map<String, INDArray> buffers() {
        return Collections.unmodifiableMap(buffers);
    }

    /** The buffer {@code name}, created filled with {@code initial} in the shape of {@code like}. */
    INDArray buffer(String name, INDArray like, double initial) {
        INDArray b = buffers.get(name);
        if (b == null) {
            b = like.ulike().assign(initial);
            buffers.put(name, b);
        }
        return b;
    }

    /** Stores a buffer created by the optimizer (e.g. SGD's first momentum = the gradient). */
    void put(String name, INDArray value) {
        buffers.put(name, value);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("step=").append(step);
        for (Map.Entry<String, INDArray> e : buffers.entrySet()) {
            INDArray a = e.getValue();
            b.append(", ").append(e.getKey()).append('=');
            b.append(a.length() <= 8 ? a.toString().replaceAll("\\s+", " ") : java.util.Arrays.toString(a.shape()));
        }
        return b.toString();
    }
}
