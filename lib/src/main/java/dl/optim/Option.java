package dl.optim;

import java.util.Objects;

/**
 * The name of an optimizer's hyper-parameter together with its type, so a lookup is checked by
 * the compiler: {@code group.get(Adam.BETA1)} is a {@code double}, {@code group.get(SGD.NESTEROV)}
 * a {@code boolean}, and a misspelt {@code Adam.BETA_1} or a number given for a flag does not
 * compile. PyTorch names options by strings ({@code group["betas"]}); a typo there fails at run
 * time, or not at all.
 *
 * <p>The options are constants of the optimizers: {@link Optimizer#LR}, {@link Optimizer#WEIGHT_DECAY},
 * {@link Optimizer#MOMENTUM}, {@link Optimizer#EPS}, {@link SGD#DAMPENING}, {@link SGD#NESTEROV},
 * {@link Adam#BETA1}, ... The name is PyTorch's ({@code weight_decay}), as shown by {@code toString()}.
 */
public record Option<T>(String name, Class<T> type) {

    public Option {
        Objects.requireNonNull(name, "Option: name must not be null");
        Objects.requireNonNull(type, "Option: type must not be null");
    }

    /** A number option (learning rate, momentum, ...). */
    public static Option<Double> number(String name) {
        return new Option<>(name, Double.class);
    }

    /** A true/false option (nesterov, amsgrad, ...). */
    public static Option<Boolean> flag(String name) {
        return new Option<>(name, Boolean.class);
    }

    @Override
    public String toString() {
        return name;
    }
}
