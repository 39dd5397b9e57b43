/**
 * Layers and models: {@link dl.nn.Module} with named {@link dl.nn.Parameter}s, buffers and
 * sub-modules, {@link dl.nn.Sequential}, dense layers and activations.
 *
 * <p>Writing a model: register what it owns with one call that stores and returns it, and
 * implement {@code compute}; run it with {@code forward}.
 * <pre>{@code
 * class Net extends Module {
 *     final Linear fc1 = add("fc1", new Linear(2, 16));
 *     final Linear fc2 = add("fc2", new Linear(16, 1));
 *     protected Tensor compute(Tensor x) { return fc2.forward(fc1.forward(x).relu()); }
 * }
 * var model = new Sequential(new Linear(2, 16), new ReLU(), new Linear(16, 1));
 * model.summary(1, 2);               // HTML table in a notebook
 * model.save(Path.of("model.npz"));  // NumPy .npz, names as PyTorch's state_dict
 * }</pre>
 *
 * <p>{@code forward} is final in {@link dl.nn.Module} so that every call, also of a sub-module
 * from a custom {@code compute}, adds the layer to a shape error ({@link dl.nn.LayerShapeException}).
 * For gradient checks convert a model to fp64 with {@link dl.nn.Module#toDouble()}.
 */
package dl.nn;
