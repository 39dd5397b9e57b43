package dl.optim;

import dl.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameters that share options (lr, weight decay, momentum, ...). An option this group does not
 * set itself is read from its optimizer's defaults (PyTorch fills {@code param_groups} from
 * {@code defaults} in the same way).
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
        return number("lr");
    }

    /** Sets this group's learning rate (≥ 0; schedules call this every step). */
    public ParamGroup setLr(double lr) {
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException(optimizer.kind() + " group " + index + ": lr must be >= 0, got " + lr);
        }
        own.put("lr", lr);
        return this;
    }

    /** The value of a number option (this group's own, else the optimizer's default). */
    public double number(String name) {
        Object v = get(name);
        if (!(v instanceof Double)) {
            throw new IllegalArgumentException(optimizer.kind() + ": option " + name + " is not a number: " + v);
        }
        return (Double) v;
    }

    /** The value of a true/false option. */
    public boolean flag(String name) {
        Object v = get(name);
        if (!(v instanceof Boolean)) {
            throw new IllegalArgumentException(optimizer.kind() + ": option " + name + " is not true/false: " + v);
        }
        return (Boolean) v;
    }

    /** The value of an option (Double or Boolean). */
    public Object get(String name) {
        String key = optimizer.isDeclared(name) ? name : Optimizer.canonical(name);
        Object v = own.get(key);
        if (v != null) {
            return v;
        }
        v = optimizer.defaultValue(key);
        if (v == null) {
            throw new IllegalArgumentException(optimizer.kind() + ": unknown option '" + name + "'; options are "
                    + optimizer.defaults().keySet());
        }
        return v;
    }

    /** Sets an option for this group only (checked like the constructor's arguments). */
    public ParamGroup set(String name, Object value) {
        String key = Optimizer.canonical(name);
        own.put(key, optimizer.checked(key, value, " group " + index));
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
