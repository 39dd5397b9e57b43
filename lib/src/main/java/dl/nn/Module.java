package dl.nn;

import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A piece of a network: it owns named {@link Parameter}s, named buffers (state that is saved but
 * not learned, such as BatchNorm's running mean) and named sub-modules, and maps an input tensor
 * to an output tensor.
 *
 * <p>A subclass registers what it owns with one call that stores and returns the value, then
 * implements {@link #compute(Tensor)}:
 * <pre>{@code
 * class Net extends Module {
 *     final Linear fc1 = add("fc1", new Linear(2, 16));
 *     final Linear fc2 = add("fc2", new Linear(16, 1));
 *     protected Tensor compute(Tensor x) { return fc2.forward(fc1.forward(x).relu()); }
 * }
 * }</pre>
 *
 * <p>Callers use {@link #forward(Tensor)}, which runs {@code compute} and, when a shape error
 * happens inside, adds the layer to the message: {@code ... (in Linear 'fc2')}.
 *
 * <p>Names are dotted paths as in PyTorch ({@code fc1.weight}, {@code 0.bias}); orders are the
 * registration order, own parameters before the sub-modules'; a parameter or module shared by
 * two places appears once, under the first name.
 */
public abstract class Module {

    private final LinkedHashMap<String, Parameter> params = new LinkedHashMap<>();
    private final LinkedHashMap<String, Tensor> buffers = new LinkedHashMap<>();
    private final LinkedHashMap<String, Module> modules = new LinkedHashMap<>();
    private final List<BiConsumer<Module, Tensor>> forwardHooks = new ArrayList<>();
    private boolean training = true;
    /** The name under which the first parent registered this module (for error messages). */
    private String label;

    // ---------------------------------------------------------------- forward

    /**
     * The layer's computation. Implement it; call {@link #forward(Tensor)} (on this module or
     * on sub-modules) to run it.
     */
    protected abstract Tensor compute(Tensor x);

    /**
     * Runs the module on {@code x}. A {@link ShapeException} from inside comes out as a
     * {@link LayerShapeException} whose message ends with the layer, e.g. {@code (in Linear 'fc2')}.
     */
    public final Tensor forward(Tensor x) {
        if (x == null) {
            throw new IllegalArgumentException(this + ".forward: input is null");
        }
        SummaryRecorder recorder = SummaryRecorder.active();
        int row = recorder == null ? -1 : recorder.enter(this);
        Tensor y = inLayerContext(() -> compute(x));
        if (recorder != null) {
            recorder.exit(row, y);
        }
        if (!forwardHooks.isEmpty()) {
            for (BiConsumer<Module, Tensor> hook : List.copyOf(forwardHooks)) {
                hook.accept(this, y);
            }
        }
        return y;
    }

    /**
     * Calls {@code hook} with this module and its output after every {@link #forward} (PyTorch's
     * forward hooks): to look at feature maps. Closing the returned handle removes the hook.
     */
    public AutoCloseable addForwardHook(BiConsumer<Module, Tensor> hook) {
        if (hook == null) {
            throw new IllegalArgumentException(typeName() + ".addForwardHook: hook is null");
        }
        forwardHooks.add(hook);
        return () -> forwardHooks.remove(hook);
    }

    /**
     * Runs {@code body} so that a shape error inside names this layer. For modules with other
     * entry points than {@code forward(Tensor)} (several inputs, extra outputs).
     */
    protected final <T> T inLayerContext(Supplier<T> body) {
        try {
            return body.get();
        } catch (LayerShapeException e) {
            // Thrown by a sub-module: refine its name to the dotted path seen from here.
            String path = pathOf(e.layer());
            throw path == null || path.isEmpty() ? e : e.at(path);
        } catch (ShapeException e) {
            throw new LayerShapeException(e, this, label);
        }
    }

    /** Path of {@code m} below this module ("" for this module itself), or null. */
    private String pathOf(Module m) {
        for (Map.Entry<String, Module> e : namedModules().entrySet()) {
            if (e.getValue() == m) {
                return e.getKey();
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- registration

    /** Registers a sub-module under {@code name} and returns it: {@code fc1 = add("fc1", new Linear(2, 16))}. */
    protected <M extends Module> M add(String name, M module) {
        checkNewName(name);
        if (module == null) {
            throw new IllegalArgumentException(typeName() + ": sub-module '" + name + "' is null");
        }
        if (module == this) {
            throw new IllegalArgumentException(typeName() + ": a module cannot contain itself (as '" + name + "')");
        }
        modules.put(name, module);
        Module m = module;
        if (m.label == null) {
            m.label = name;
        }
        return module;
    }

    /** Registers a learnable parameter under {@code name} and returns it: {@code w = param("weight", ...)}. */
    protected Parameter param(String name, Parameter p) {
        checkNewName(name);
        if (p == null) {
            throw new IllegalArgumentException(typeName() + ": parameter '" + name + "' is null");
        }
        params.put(name, p);
        if (p.name() == null) {
            p.name(name);
        }
        return p;
    }

    /** Registers a new parameter holding {@code value} (not copied). */
    protected Parameter param(String name, INDArray value) {
        return param(name, new Parameter(value));
    }

    /**
     * Registers a buffer: state that is saved and loaded with the model and converted by
     * {@link #toDouble()}, but not learned (no gradient), e.g. BatchNorm's running mean.
     */
    protected Tensor buffer(String name, INDArray value) {
        checkNewName(name);
        Tensor t = new Tensor(value, false).name(name);
        buffers.put(name, t);
        return t;
    }

    private void checkNewName(String name) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException(typeName() + ": a name must be non-empty and contain no '.', got '" + name + "'");
        }
        if (params.containsKey(name) || buffers.containsKey(name) || modules.containsKey(name)) {
            throw new IllegalArgumentException(typeName() + ": the name '" + name + "' is already used in this module");
        }
    }

    // ---------------------------------------------------------------- traversal

    /** Direct sub-modules in registration order. */
    public List<Module> children() {
        return List.copyOf(modules.values());
    }

    /** Direct sub-modules by name, in registration order. */
    public Map<String, Module> namedChildren() {
        return Collections.unmodifiableMap(modules);
    }

    /** This module (name "") and every module below it by dotted path, each module once. */
    public Map<String, Module> namedModules() {
        LinkedHashMap<String, Module> out = new LinkedHashMap<>();
        collectModules("", this, out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return Collections.unmodifiableMap(out);
    }

    private static void collectModules(String prefix, Module m, Map<String, Module> out, Set<Module> seen) {
        if (!seen.add(m)) {
            return;
        }
        out.put(prefix, m);
        for (Map.Entry<String, Module> e : m.modules.entrySet()) {
            collectModules(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out, seen);
        }
    }

    /** This module and every module below it, each once. */
    public List<Module> modules() {
        return List.copyOf(namedModules().values());
    }

    /** Every parameter by dotted path ({@code fc1.weight}), each parameter once. */
    public Map<String, Parameter> namedParameters() {
        LinkedHashMap<String, Parameter> out = new LinkedHashMap<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<String, Module> m : namedModules().entrySet()) {
            for (Map.Entry<String, Parameter> p : m.getValue().params.entrySet()) {
                if (seen.add(p.getValue())) {
                    out.put(dotted(m.getKey(), p.getKey()), p.getValue());
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Every parameter once, in the order of {@link #namedParameters()}: what an optimizer takes. */
    public List<Parameter> parameters() {
        return List.copyOf(namedParameters().values());
    }

    /** Every buffer by dotted path ({@code bn.running_mean}). */
    public Map<String, Tensor> namedBuffers() {
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<String, Module> m : namedModules().entrySet()) {
            for (Map.Entry<String, Tensor> b : m.getValue().buffers.entrySet()) {
                if (seen.add(b.getValue())) {
                    out.put(dotted(m.getKey(), b.getKey()), b.getValue());
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static String dotted(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    // ---------------------------------------------------------------- modes and freezing

    /** Training mode for this module and all below (Dropout drops, BatchNorm uses batch statistics). Returns this. */
    public Module train() {
        return train(true);
    }

    /** Sets training ({@code true}) or evaluation mode recursively. Returns this. */
    public Module train(boolean on) {
        for (Module m : modules()) {
            m.training = on;
        }
        return this;
    }

    /** Evaluation mode for this module and all below (Dropout off, BatchNorm uses running statistics). Returns this. */
    public Module eval() {
        return train(false);
    }

    public boolean isTraining() {
        return training;
    }

    /** Sets this module's own flag only (restoring mixed modes after a summary). */
    void setTrainingFlag(boolean on) {
        training = on;
    }

    /** Freezes every parameter of this module and its sub-modules (no gradients). Returns this. */
    public Module freeze() {
        parameters().forEach(Parameter::freeze);
        return this;
    }

    /** Makes every parameter of this module and its sub-modules trainable again. Returns this. */
    public Module unfreeze() {
        parameters().forEach(Parameter::unfreeze);
        return this;
    }

    /** Number of parameter values (each shared parameter counted once). */
    public long parameterCount() {
        long n = 0;
        for (Parameter p : parameters()) {
            n += p.length();
        }
        return n;
    }

    /** Number of parameter values that are not frozen. */
    public long trainableParameterCount() {
        long n = 0;
        for (Parameter p : parameters()) {
            if (!p.isFrozen()) {
                n += p.length();
            }
        }
        return n;
    }

    /** Forgets the gradients of all parameters. */
    public void zeroGrad() {
        parameters().forEach(Tensor::zeroGrad);
    }

    // ---------------------------------------------------------------- data type

    /** Converts every parameter and buffer to fp64 in place (for gradient checks). Returns this. */
    public Module toDouble() {
        return castTo(DataType.DOUBLE);
    }

    /** Converts every parameter and buffer to fp32 in place. Returns this. */
    public Module toFloat() {
        return castTo(DataType.FLOAT);
    }

    private Module castTo(DataType type) {
        List<Tensor> all = new ArrayList<>(parameters());
        all.addAll(namedBuffers().values());
        for (Tensor t : all) {
            if (t.dtype() != type) {
                t.setData(t.data().castTo(type));
                t.zeroGrad();
            }
        }
        return this;
    }

    /** The data type of the parameters (fp32 for a module without any). */
    public DataType dtype() {
        List<Parameter> ps = parameters();
        return ps.isEmpty() ? DataType.FLOAT : ps.get(0).dtype();
    }

    // ---------------------------------------------------------------- state

    /** Copies of every parameter and buffer by dotted path: parameters, then buffers, per module. */
    public Map<String, INDArray> stateDict() {
        LinkedHashMap<String, INDArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : stateTensors().entrySet()) {
            out.put(e.getKey(), e.getValue().data().dup('c'));
        }
        return out;
    }

    /** Parameters and buffers by dotted path, module by module, each tensor once. */
    private Map<String, Tensor> stateTensors() {
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<String, Module> m : namedModules().entrySet()) {
            for (Map.Entry<String, Parameter> p : m.getValue().params.entrySet()) {
                if (seen.add(p.getValue())) {
                    out.put(dotted(m.getKey(), p.getKey()), p.getValue());
                }
            }
            for (Map.Entry<String, Tensor> b : m.getValue().buffers.entrySet()) {
                if (seen.add(b.getValue())) {
                    out.put(dotted(m.getKey(), b.getKey()), b.getValue());
                }
            }
        }
        return out;
    }

    /**
     * Copies {@code state} into the parameters and buffers (in place, converting to their data
     * type). Every key and shape is checked first: on any missing key, unexpected key or shape
     * difference nothing is changed and the exception lists all of them. When the conversion
     * changes values (fp64 state into an fp32 model), one warning on stderr names the entries
     * that were rounded and the largest change; convert the model first ({@code toDouble()}) to
     * keep every digit.
     */
    public Module loadStateDict(Map<String, INDArray> state) {
        Map<String, Tensor> targets = stateTensors();
        List<String> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String k : targets.keySet()) {
            if (!state.containsKey(k)) {
                missing.add(k);
            }
        }
        List<String> unexpected = new ArrayList<>();
        for (String k : state.keySet()) {
            if (!targets.containsKey(k)) {
                unexpected.add(k);
            }
        }
        if (!missing.isEmpty()) {
            problems.add("missing key(s) " + missing);
        }
        if (!unexpected.isEmpty()) {
            problems.add("unexpected key(s) " + unexpected);
        }
        for (Map.Entry<String, Tensor> e : targets.entrySet()) {
            INDArray v = state.get(e.getKey());
            if (v != null && !Arrays.equals(v.shape(), e.getValue().shape())) {
                problems.add(e.getKey() + ": the state has shape " + Arrays.toString(v.shape())
                        + ", the model has shape " + Arrays.toString(e.getValue().shape()));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(typeName() + ".loadStateDict: " + String.join("; ", problems)
                    + "; the model is unchanged");
        }
        List<String> rounded = new ArrayList<>();
        double largestChange = 0;
        for (Map.Entry<String, Tensor> e : targets.entrySet()) {
            INDArray v = state.get(e.getKey());
            INDArray target = e.getValue().data();
            INDArray converted = v.dataType() == target.dataType() ? v : v.castTo(target.dataType());
            double change = PrecisionLoss.largestChange(v, converted);
            if (change > 0) {
                rounded.add(e.getKey());
                largestChange = Math.max(largestChange, change);
            }
            target.assign(converted);
        }
        if (!rounded.isEmpty()) {
            System.err.println(PrecisionLoss.warning(typeName() + ".loadStateDict", rounded, state.get(rounded.get(0)).dataType(),
                    targets.get(rounded.get(0)).dtype(), largestChange));
        }
        return this;
    }

    /**
     * Saves {@link #stateDict()} to {@code file} as a NumPy {@code .npz} archive (see
     * {@link StateFile}), written to a temporary file and then renamed, so a crash never leaves
     * half a file. Returns this.
     */
    public Module save(Path file) {
        StateFile.write(file, stateDict());
        return this;
    }

    /**
     * Loads parameters and buffers saved by {@link #save(Path)}. Names and shapes must match the
     * model exactly; otherwise the exception names the missing/unexpected keys or both shapes and
     * the model is left unchanged. Returns this.
     */
    public Module load(Path file) {
        Map<String, INDArray> state = StateFile.read(file);
        try {
            return loadStateDict(state);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("load " + file + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- summary

    /**
     * Runs a dummy forward pass (zeros of {@code inputShape}, batch dimension included, e.g.
     * {@code summary(1, 784)}) without gradients and in evaluation mode, and returns a table of
     * every layer with its output shape and parameter count. The modes are restored afterwards.
     */
    public ModelSummary summary(long... inputShape) {
        return ModelSummary.of(this, inputShape);
    }

    // ---------------------------------------------------------------- display

    /** The layer's settings shown inside its parentheses, e.g. {@code 2 -> 16} for Linear. */
    protected String extraRepr() {
        return "";
    }

    /**
     * Whether {@link #toString()} lists the sub-modules. A layer built from internal parts
     * (Maxout's pieces) returns false and describes itself with {@link #extraRepr()} alone.
     */
    protected boolean showsChildren() {
        return true;
    }

    /** The class name shown in descriptions ({@code Linear}, {@code Sequential}). */
    public String typeName() {
        String s = getClass().getSimpleName();
        return s.isEmpty() ? "Module" : s;
    }

    /** The name the first parent gave this module, or null for a top-level module. */
    public String label() {
        return label;
    }

    /**
     * One line when it fits ({@code Sequential(0: Linear(2 -> 16), 1: ReLU, 2: Linear(16 -> 1))}),
     * otherwise one child per line, indented.
     */
    @Override
    public String toString() {
        String one = oneLine();
        return one.length() <= 120 ? one : multiLine("");
    }

    private String oneLine() {
        List<String> parts = new ArrayList<>();
        if (!extraRepr().isEmpty()) {
            parts.add(extraRepr());
        }
        if (showsChildren()) {
            for (Map.Entry<String, Module> e : modules.entrySet()) {
                parts.add(e.getKey() + ": " + e.getValue().oneLine());
            }
        }
        return parts.isEmpty() ? typeName() : typeName() + "(" + String.join(", ", parts) + ")";
    }

    private String multiLine(String indent) {
        if (modules.isEmpty() || !showsChildren()) {
            return oneLine();
        }
        StringBuilder b = new StringBuilder(typeName()).append("(");
        if (!extraRepr().isEmpty()) {
            b.append(extraRepr());
        }
        b.append("\n");
        for (Map.Entry<String, Module> e : modules.entrySet()) {
            String child = e.getValue().oneLine();
            if (indent.length() + child.length() > 110) {
                child = e.getValue().multiLine(indent + "  ");
            }
            b.append(indent).append("  ").append(e.getKey()).append(": ").append(child).append("\n");
        }
        return b.append(indent).append(")").toString();
    }
}
