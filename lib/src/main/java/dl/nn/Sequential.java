package dl.nn;

import dl.tensor.Tensor;

/**
 * Layers applied one after the other: y = f_n(... f_2(f_1(x))). The layers are named
 * "0", "1", ... so their parameters are {@code 0.weight}, {@code 0.bias}, ...
 *
 * <pre>{@code
 * var model = new Sequential(new Linear(2, 16), new ReLU(), new Linear(16, 1));
 * // Sequential(0: Linear(2 -> 16), 1: ReLU, 2: Linear(16 -> 1))
 * }</pre>
 */
public class Sequential extends Module {

    private int size;

    public Sequential(Module... layers) {
        for (Module m : layers) {
            add(m);
        }
    }

    /** Appends a layer (named by its position) and returns this, so calls chain. */
    public Sequential add(Module layer) {
        add(String.valueOf(size), layer);
        size++;
        return this;
    }

    /** Same as {@link #add(Module)}, PyTorch's name. */
    public Sequential append(Module layer) {
        return add(layer);
    }

    /** The layer at {@code index} (negative counts from the end). */
    public Module get(int index) {
        int i = index < 0 ? index + size : index;
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("Sequential.get(" + index + "): it has " + size + " layers");
        }
        return namedChildren().get(String.valueOf(i));
    }

    /** Number of layers. */
    public int size() {
        return size;
    }

    /**
     * Each layer on the previous one's output. A hidden activation between two stateless layers
     * of the library is marked so that its memory goes back after backward() (see
     * {@link HiddenActivations}); the returned output is never released.
     */
    @Override
    protected Tensor compute(Tensor x) {
        boolean release = SummaryRecorder.active() == null;
        Tensor y = x;
        Module previous = null;
        for (Module layer : namedChildren().values()) {
            Tensor next = layer.forward(y);
            if (release && previous != null && HiddenActivations.releasable(y, previous, layer, next, x)) {
                y.releaseAfterBackward();
            }
            previous = layer;
            y = next;
        }
        return y;
    }
}
