package dl.optim;

import dl.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameters that share options (lr, weight decay, momentum, ...). An option this group does not
 * set itself is read from its optimizer's defaults (PyTorch fills {@code param_groups} from
 * {@code defaults} in the same way). Options are named by typed constants ({@link Option}):
 * {@code group.get(Adam.BETA1)}, {@code group.set(SGD.MOMENTUM, 0.5)}.
 */
public final class ParamGroup {

    private final Optimizer optimizer;
    private final int index;
    private final List<Tensor> params;
    private final Map<String, Object> own;
    /** The lr when the first schedule attached (PyTorch's {@code initial_lr}); NaN until then. */
    double initialLr = Double.NaN;

    ParamGroup(Optimizer optimizer, int index, List<Tensor> params, Map<String, Object> own) {
        this.optimizer = optimizer;
        this.index = index;
        this.params = Collections.unmodifiableList(params);
        this.own = own;
    }

    public List<Tensor> params() {
        return params;
    }

    /** Position of this group in its optimizer. */
    public int index() {
        return index;
    }

    public double lr() {
        return get(Optimizer.LR);
    }

    /** Sets this group's learning rate (≥ 0; schedules call this every step). */
    public ParamGroup setLr(double lr) {
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException(optimizer.kind() + " group " + index + ": lr must be >= 0, got " + lr);
        }
        own.put(Optimizer.LR.name(), lr);
        return this;
    }

    /**
     * The value of an option for this group (its own, else the optimizer's default), typed by
     * the option: {@code double b1 = group.get(Adam.BETA1)}.
     */
    public <T> T get(Option<T> option) {
        Object v = own.get(option.name());
        return v != null && optimizer.has(option) ? option.type().cast(v) : optimizer.defaultValue(option);
    }

    /** Sets an option for this group only (checked like the constructor's arguments), e.g. {@code set(SGD.MOMENTUM, 0.5)}. */
    public <T> ParamGroup set(Option<T> option, T value) {
        if (option.equals(Optimizer.LR)) {
            return setLr((Double) value);
        }
        own.put(option.name(), optimizer.checked(option, value, " group " + index));
        return this;
    }

    /** Options this group sets itself. */
    public Map<String, Object> ownOptions() {
        return Collections.unmodifiableMap(own);
    }

    /** Every option's effective value for this group. */
    public Map<String, Object> options() {
        Map<String, Object> all = new LinkedHashMap<>(optimizer.defaults());
        all.putAll(own);
        return all;
    }

    static String format(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(v);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("group ").append(index).append(" (").append(params.size())
                .append(params.size() == 1 ? " param" : " params");
        for (Map.Entry<String, Object> e : own.entrySet()) {
            b.append(", ").append(e.getKey()).append('=').append(format(e.getValue()));
        }
        return b.append(')').toString();
    }
}
