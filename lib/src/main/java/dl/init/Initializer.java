package dl.init;

import dl.tensor.Tensor;

/**
 * Fills a weight in place, e.g. {@code Init::xavierUniform} or
 * {@code w -> Init.kaimingNormal(w, 0, Init.FanMode.FAN_IN, "relu")}; layers accept one to
 * replace their default initialization.
 */
@FunctionalInterface
public interface Initializer {
    void initialize(Tensor weight);
}
