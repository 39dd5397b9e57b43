package dl.loss;

import dl.nn.Module;
import dl.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Perceptual (feature) loss: compares images through the feature maps of a fixed network φ
 * instead of pixel by pixel, L = Σ_l mean((φ_l(x) − φ_l(y))²) over the chosen layers l. The
 * network is frozen (its weights get no gradient) and put in evaluation mode; the gradient flows
 * to x only. Layers are named by their dotted path in the network ("0", "features.3", ...).
 */
public final class PerceptualLoss extends Loss {

    private final Module network;
    private final List<String> layers;

    public PerceptualLoss(Module network, String... layers) {
        super(Reduction.MEAN);
        if (layers.length == 0) {
            throw new IllegalArgumentException("PerceptualLoss: name at least one layer of the network");
        }
        Map<String, Module> modules = network.namedModules();
        for (String l : layers) {
            if (!modules.containsKey(l) || l.isEmpty()) {
                throw new IllegalArgumentException("PerceptualLoss: the network has no layer '" + l + "'; it has "
                        + new ArrayList<>(modules.keySet()).subList(1, modules.size()));
            }
        }
        this.network = network;
        this.layers = List.of(layers);
        network.freeze();
        network.eval();
    }

    @Override
    public Tensor forward(Tensor prediction, Tensor target) {
        Map<String, Tensor> fx = features(prediction);
        Map<String, Tensor> fy;
        try (var g = Tensor.noGrad()) {
            fy = features(target.detach());
        }
        Tensor total = null;
        for (String l : layers) {
            Tensor term = fx.get(l).sub(fy.get(l).detach()).square().mean();
            total = total == null ? term : total.add(term);
        }
        return total;
    }

    private Map<String, Tensor> features(Tensor x) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        List<AutoCloseable> hooks = new ArrayList<>();
        Map<String, Module> modules = network.namedModules();
        for (String l : layers) {
            hooks.add(modules.get(l).addForwardHook((m, y) -> out.putIfAbsent(l, y)));
        }
        try {
            network.forward(x);
        } finally {
            for (AutoCloseable h : hooks) {
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
