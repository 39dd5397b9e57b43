package dl.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reverse-mode automatic differentiation over the graph that {@link Tensor} operations record:
 * order the graph (inputs before results), walk it backwards applying each op's
 * {@link Backward} rule, sum broadcast gradients back to their input's shape, and add
 * (accumulate) into {@code grad()} of every leaf and of every tensor with {@code retainGrad()}.
 *
 * <p>As in PyTorch, a backward pass frees the graph: each op's rule (and the values it saved)
 * is dropped, so a second backward through the same graph is refused with a clear error unless
 * the first one was asked to keep it ({@code backward(true)}).
 */
final class Autograd {

    private Autograd() {}

    /** Backward from {@code root} with dL/d(root) = {@code gradOutput}. */
    static void backward(Tensor root, INDArray gradOutput, boolean retainGraph) {
        List<Tensor> order = topologicalOrder(root);
        refuseFreedGraph(root, order);
        try (MemoryWorkspace ignored = BackwardMemory.enter()) {
            run(root, gradOutput, order);
        }
        if (!retainGraph) {
            for (Tensor t : order) {
                t.freeGraph();
            }
        }
    }

    private static void run(Tensor root, INDArray gradOutput, List<Tensor> order) {
        IdentityHashMap<Tensor, INDArray> pending = new IdentityHashMap<>();
        pending.put(root, gradOutput);
        for (int i = order.size() - 1; i >= 0; i--) {
            Tensor t = order.get(i);
            INDArray g = pending.remove(t);
            if (g == null) {
                continue;
            }
            if (t.isLeaf() || t.retainsGrad()) {
                t.accumulate(g);
            }
            if (t.isLeaf()) {
                continue;
            }
            INDArray[] inputGrads = t.backwardRule().apply(g);
            Tensor[] inputs = t.inputArray();
            if (Anomaly.enabled()) {
                Anomaly.checkBackward(t, g, inputGrads);
            }
            for (int k = 0; k < inputs.length; k++) {
                Tensor in = inputs[k];
                if (!in.requiresGrad() || inputGrads[k] == null) {
                    continue;
                }
                INDArray gk = sumToShape(inputGrads[k], in.data().shape());
                INDArray prev = pending.get(in);
                pending.put(in, prev == null ? gk : prev.add(gk));
            }
        }
    }

    /** A second backward through a graph an earlier backward freed: say so instead of a NullPointerException. */
    private static void refuseFreedGraph(Tensor root, List<Tensor> order) {
        for (Tensor t : order) {
            if (t.graphFreed()) {
                throw new IllegalStateException(root.describe() + ".backward(): the graph through op '" + t.op()
                        + "' was already used by an earlier backward(), which freed it (the saved values are gone)."
                        + " Recompute the forward pass, or call backward(true) the first time to keep the graph"
                        + " for another backward (gradients then add up)");
            }
        }
    }

    /** Tensors {@code root} depends on, inputs before the tensors computed from them. */
    static List<Tensor> topologicalOrder(Tensor root) {
        List<Tensor> order = new ArrayList<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        // Iterative depth-first search: deep graphs (long RNN unrolls) must not overflow the stack.
        ArrayList<Object[]> stack = new ArrayList<>();
        stack.add(new Object[] {root, 0});
        seen.add(root);
        while (!stack.isEmpty()) {
            Object[] top = stack.get(stack.size() - 1);
            Tensor t = (Tensor) top[0];
            int next = (int) top[1];
            Tensor[] inputs = t.inputArray();
            if (next < inputs.length) {
                top[1] = next + 1;
                Tensor in = inputs[next];
                if (seen.add(in)) {
                    stack.add(new Object[] {in, 0});
                }
            } else {
                stack.remove(stack.size() - 1);
                order.add(t);
            }
        }
        return order;
    }

    /**
     * Sums a broadcast gradient back to {@code shape}: over the leading axes that broadcasting
     * added and over the axes where {@code shape} has size 1.
     */
    static INDArray sumToShape(INDArray g, long[] shape) {
        if (Arrays.equals(g.shape(), shape)) {
            return g;
        }
        int extra = g.rank() - shape.length;
        if (extra < 0) {
            throw new IllegalStateException("gradient of shape " + Arrays.toString(g.shape())
                    + " cannot be reduced to shape " + Arrays.toString(shape));
        }
        List<Integer> axes = new ArrayList<>();
        for (int i = 0; i < g.rank(); i++) {
            if (i < extra || (shape[i - extra] == 1 && g.size(i) != 1)) {
                axes.add(i);
            }
        }
        INDArray r = axes.isEmpty() ? g : g.sum(true, axes.stream().mapToInt(Integer::intValue).toArray());
        return r.reshape(shape);
    }
}
