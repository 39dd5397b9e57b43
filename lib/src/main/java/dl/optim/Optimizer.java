package dl.optim;

import dl.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Updates parameters from their gradients: {@link #step()} reads every parameter's
 * {@link Tensor#grad()} and changes its {@link Tensor#data()} in place.
 *
 * <p>As in PyTorch ({@code torch/optim/optimizer.py}):
 * <ul>
 *   <li>Parameters live in <b>groups</b> ({@link ParamGroup}). Each group may set its own options
 *       (a smaller lr for a pre-trained backbone, no weight decay for biases, ...); an option a
 *       group does not set is read from the optimizer's <b>defaults</b>. Fluent settings such as
 *       {@code new SGD(params, 0.1).momentum(0.9)} change the defaults, so they reach every group
 *       that did not choose its own value.</li>
 *   <li>Each parameter has a <b>state</b> ({@link #state(Tensor)}): a step count and named buffers
 *       (SGD's {@code momentum_buffer}, Adam's {@code exp_avg} and {@code exp_avg_sq}, ...),
 *       created on the parameter's first update.</li>
 *   <li>A parameter is skipped when it has no gradient or does not require one (frozen).</li>
 * </ul>
 *
 * <p>Options are typed constants ({@link Option}): {@code group.get(Adam.BETA1)} is a double,
 * {@code group.set(SGD.MOMENTUM, 0.5)} sets a number, and a wrong name or type does not compile.
 * Their names are PyTorch's ({@code lr}, {@code weight_decay}, {@code betas} as
 * {@code beta1}/{@code beta2}, ...).
 */
public abstract class Optimizer {

    /** The learning rate, every optimizer's first option. */
    public static final Option<Double> LR = Option.number("lr");
    /** Weight decay λ (an L2 term, or decoupled in AdamW). */
    public static final Option<Double> WEIGHT_DECAY = Option.number("weight_decay");
    /** Momentum μ (SGD, RMSProp). */
    public static final Option<Double> MOMENTUM = Option.number("momentum");
    /** The ε added to a denominator (Adam, RMSProp, AdaGrad). */
    public static final Option<Double> EPS = Option.number("eps");

    /** A declared option: its default and, for numbers, the rule its values must satisfy. */
    private record Declared(Option<?> option, DoublePredicate valid, String rule) {
        String name() {
            return option.name();
        }
    }

    private final String kind;
    private final Map<String, Declared> declared = new LinkedHashMap<>();
    private final Map<String, Object> defaults = new LinkedHashMap<>();
    private final List<ParamGroup> groups = new ArrayList<>();
    private final Map<Tensor, ParamState> states = new IdentityHashMap<>();
    private final Map<Tensor, INDArray[]> scratch = new IdentityHashMap<>();

    /**
     * Subclasses declare their options ({@link #declare}, {@link #declareFlag}) and then add the
     * first group with {@link #addParamGroup(Iterable)}.
     */
    protected Optimizer(String kind, double lr) {
        this.kind = kind;
        declare(LR, lr, v -> v > 0 && Double.isFinite(v), "> 0");
    }

    // ---------------------------------------------------------------- options

    /** Declares a number option with its default, e.g. {@code declare(MOMENTUM, 0.0, v -> v >= 0, ">= 0")}. */
    protected final void declare(Option<Double> option, double defaultValue, DoublePredicate valid, String rule) {
        Declared d = new Declared(option, valid, rule);
        declared.put(option.name(), d);
        defaults.put(option.name(), checked(d, defaultValue, ""));
    }

    /** Declares a true/false option. */
    protected final void declareFlag(Option<Boolean> option, boolean defaultValue) {
        declared.put(option.name(), new Declared(option, null, null));
        defaults.put(option.name(), defaultValue);
    }

    /** Changes a default (used by the fluent setters); every group that does not set it follows. */
    protected final <T> void setDefault(Option<T> option, T value) {
        Declared d = declared(option);
        defaults.put(option.name(), checked(d, value, ""));
    }

    /** Whether this optimizer has {@code option} (SGD has no {@code Adam.BETA1}). */
    public boolean has(Option<?> option) {
        Declared d = declared.get(option.name());
        return d != null && d.option().equals(option);
    }

    /** The optimizer's default options (read-only view). */
    public Map<String, Object> defaults() {
        return Collections.unmodifiableMap(defaults);
    }

    /** Checks a value against its option's rule; numbers come back as Double. */
    final Object checked(Option<?> option, Object value, String where) {
        return checked(declared(option), value, where);
    }

    private Object checked(Declared option, Object value, String where) {
        if (option.valid() == null) {
            if (!(value instanceof Boolean)) {
                throw new IllegalArgumentException(kind + where + ": " + option.name() + " must be true or false, got " + value);
            }
            return value;
        }
        if (!(value instanceof Number)) {
            throw new IllegalArgumentException(kind + where + ": " + option.name() + " must be a number, got " + value);
        }
        double v = ((Number) value).doubleValue();
        if (!option.valid().test(v)) {
            throw new IllegalArgumentException(kind + where + ": " + option.name() + " must be " + option.rule() + ", got " + v);
        }
        return v;
    }

    /** The declaration of {@code option}; a clear error for an option this optimizer does not have. */
    private Declared declared(Option<?> option) {
        if (!has(option)) {
            throw new IllegalArgumentException(kind + " has no option " + option + " (" + option.type().getSimpleName()
                    + "); its options are " + declared.keySet());
        }
        return declared.get(option.name());
    }

    /** The optimizer-wide value of {@code option} (what a group that does not set it uses). */
    public <T> T defaultValue(Option<T> option) {
        declared(option);
        return option.type().cast(defaults.get(option.name()));
    }

    // ---------------------------------------------------------------- groups

    /**
     * Adds parameters as a new group and returns it, to set its own options:
     * {@code opt.addParamGroup(head).setLr(0.01).set(SGD.MOMENTUM, 0.5)}. Options it does not set
     * are read from the defaults. A parameter may belong to one group only.
     */
    public ParamGroup addParamGroup(Iterable<? extends Tensor> params) {
        String where = " group " + groups.size();
        List<Tensor> list = new ArrayList<>();
        if (params == null) {
            throw new IllegalArgumentException(kind + where + ": params must not be null");
        }
        Map<Tensor, Boolean> seen = new IdentityHashMap<>();
        for (ParamGroup g : groups) {
            for (Tensor p : g.params()) {
                seen.put(p, Boolean.FALSE);
            }
        }
        for (Tensor p : params) {
            if (p == null) {
                throw new IllegalArgumentException(kind + where + ": parameter " + list.size() + " is null");
            }
            if (!p.isLeaf()) {
                throw new IllegalArgumentException(kind + where + ": parameter " + list.size()
                        + " is not a leaf tensor (it is the result of '" + p.op() + "'); "
                        + "hint: optimize leaf tensors, e.g. t.detach().requiresGrad(true)");
            }
            Boolean earlier = seen.put(p, Boolean.TRUE);
            if (earlier != null) {
                throw new IllegalArgumentException(kind + where + ": parameter " + list.size() + " "
                        + describe(p) + (earlier ? " appears twice in this group" : " is already in another group"));
            }
            list.add(p);
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException(kind + where + ": got an empty parameter list");
        }
        Map<String, Object> own = new LinkedHashMap<>();
        ParamGroup group = new ParamGroup(this, groups.size(), list, own);
        groups.add(group);
        return group;
    }

    /** All parameter groups, in the order they were added. */
    public List<ParamGroup> paramGroups() {
        return Collections.unmodifiableList(groups);
    }

    /** Group {@code i}. */
    public ParamGroup group(int i) {
        if (i < 0 || i >= groups.size()) {
            throw new IndexOutOfBoundsException(kind + ": no group " + i + "; there are " + groups.size());
        }
        return groups.get(i);
    }

    /** Every parameter of every group. */
    public List<Tensor> params() {
        List<Tensor> all = new ArrayList<>();
        for (ParamGroup g : groups) {
            all.addAll(g.params());
        }
        return all;
    }

    /** The learning rate shared by all groups (see {@link ParamGroup#lr()} when they differ). */
    public double lr() {
        double lr = groups.get(0).lr();
        for (ParamGroup g : groups) {
            if (g.lr() != lr) {
                throw new IllegalStateException(kind + ": groups have different learning rates " + Arrays.toString(lrs())
                        + "; ask one group: group(i).lr()");
            }
        }
        return lr;
    }

    /** The learning rate of each group. */
    public double[] lrs() {
        double[] lrs = new double[groups.size()];
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] = groups.get(i).lr();
        }
        return lrs;
    }

    /** Sets the learning rate of every group (≥ 0: a schedule may reach 0). */
    public void setLr(double lr) {
        for (ParamGroup g : groups) {
            g.setLr(lr);
        }
    }

    // ---------------------------------------------------------------- state

    /** What the optimizer remembers about {@code param} (empty before its first update). */
    public ParamState state(Tensor param) {
        ParamState s = states.get(param);
        if (s != null) {
            return s;
        }
        for (ParamGroup g : groups) {
            for (Tensor p : g.params()) {
                if (p == param) {
                    return new ParamState();
                }
            }
        }
        throw new IllegalArgumentException(kind + ": " + describe(param) + " is not optimized by this optimizer");
    }

    /**
     * A reusable buffer shaped like {@code param} for intermediate results, so that an update
     * allocates nothing after the first step. {@code index} tells apart several buffers.
     */
    protected final INDArray scratch(Tensor param, int index) {
        INDArray[] buffers = scratch.computeIfAbsent(param, k -> new INDArray[2]);
        if (buffers[index] == null) {
            buffers[index] = param.data().ulike();
        }
        return buffers[index];
    }

    // ---------------------------------------------------------------- the update

    /**
     * One update of every parameter that has a gradient and requires one:
     * {@link #update} with the parameter's group options and state.
     */
    public void step() {
        for (ParamGroup group : groups) {
            checkGroup(group);
        }
        for (ParamGroup group : groups) {
            for (Tensor p : group.params()) {
                INDArray grad = p.grad();
                if (grad == null || !p.requiresGrad()) {
                    continue;
                }
                ParamState state = states.computeIfAbsent(p, k -> new ParamState());
                state.advance();
                update(p, grad, group, state);
            }
        }
    }

    /**
     * Changes {@code param.data()} in place from {@code grad}. {@code state.step()} already
     * counts this update (1 on the first).
     */
    protected abstract void update(Tensor param, INDArray grad, ParamGroup group, ParamState state);

    /** Checks options that depend on each other (e.g. Nesterov needs momentum) before a step. */
    protected void checkGroup(ParamGroup group) {}

    /**
     * Sets every gradient to zero in place, as PyTorch 1.13's default {@code zero_grad()}: the
     * next backward() adds into the same arrays, so no new gradient arrays are allocated.
     * Parameters without a gradient keep none.
     */
    public void zeroGrad() {
        zeroGrad(false);
    }

    /** {@code setToNone}: forget the gradients (null) instead of zeroing them. */
    public void zeroGrad(boolean setToNone) {
        for (ParamGroup g : groups) {
            for (Tensor p : g.params()) {
                if (p.grad() == null) {
                    continue;
                }
                if (setToNone) {
                    p.zeroGrad();
                } else {
                    p.grad().assign(0);
                }
            }
        }
    }

    /** "SGD", "Adam", ... for messages. */
    public String kind() {
        return kind;
    }

    static String describe(Tensor p) {
        return "Tensor" + java.util.Arrays.toString(p.shape()) + (p.name() == null ? "" : " '" + p.name() + "'");
    }

    /** e.g. {@code SGD(lr=0.1, momentum=0.9, ...; 1 group, 4 params)}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(kind).append('(');
        String sep = "";
        for (Map.Entry<String, Object> e : defaults.entrySet()) {
            b.append(sep).append(e.getKey()).append('=').append(ParamGroup.format(e.getValue()));
            sep = ", ";
        }
        int n = 0;
        for (ParamGroup g : groups) {
            n += g.params().size();
        }
        b.append("; ").append(groups.size()).append(groups.size() == 1 ? " group, " : " groups, ")
                .append(n).append(n == 1 ? " param)" : " params)");
        for (ParamGroup g : groups) {
            if (!g.ownOptions().isEmpty()) {
                b.append("\n  ").append(g);
            }
        }
        return b.toString();
    }
}
