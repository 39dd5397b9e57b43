package dl.models;

import dl.nn.Module;
import dl.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feature maps of a model: runs one forward pass with a forward hook on every sub-module and
 * returns each module's output by its dotted name ("features.0", "layer1.1.conv2", ...), in call
 * order, with the model's own output under "output". The tensors keep their graph, so a gradient
 * of any activation with respect to the input (class visualization, saliency) works.
 */
public final class Activations {

    private Activations() {}

    public static Map<String, Tensor> of(Module model, Tensor x) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        List<AutoCloseable> handles = new ArrayList<>();
        for (var e : model.namedModules().entrySet()) {
            if (e.getValue() != model) {
                String name = e.getKey();
                handles.add(e.getValue().addForwardHook((m, y) -> out.putIfAbsent(name, y)));
            }
        }
        try {
            out.put("output", model.forward(x));
        } finally {
            for (AutoCloseable h : handles) {
                try {
                    h.close();
                } catch (Exception ignored) {
                    // removing a hook cannot fail
                }
            }
        }
        return out;
    }
}
