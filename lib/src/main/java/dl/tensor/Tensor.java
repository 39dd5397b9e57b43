package dl.tensor;

import dl.display.HtmlDisplayable;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.controlflow.Select;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.indexing.SpecifiedIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * An n-dimensional array that remembers how it was computed, so that {@link #backward()} can
 * fill {@link #grad()} of every tensor it depends on (eager reverse-mode autograd).
 *
 * <p>Each operation computes its result with Nd4j and records a {@link Backward} rule right
 * next to the forward formula, e.g. for y = a·b: dL/da = g·b, dL/db = g·a. The graph is kept
 * only while some input requires a gradient and grad mode is on (see {@link #noGrad()}).
 *
 * <p>Values are fp32 by default ({@link #of(double...)}); pass fp64 arrays for gradient checks
 * ({@link #ofDouble(double...)}). {@code Tensor.of(5.0)} is a scalar and {@code Tensor.of(array)} a
 * vector even for one element, as {@code torch.tensor(5.0)} and {@code torch.tensor([5.0])}.
 */
public class Tensor implements HtmlDisplayable {

    private static int noGradDepth = 0;

    private INDArray data;
    private INDArray grad;
    private boolean requiresGrad;
    private String name;
    private String label;        // how graphs show the op, e.g. "u × 0.5" (null: the op name)
    private boolean retainGrad;  // keep dL/d(this) although it is not a leaf
    private final String op;
    private final Tensor[] inputs;
    private Backward backward;   // dropped (null) once a backward pass has freed the graph
    private boolean graphFreed;
    private boolean releaseAfterBackward; // hidden activation: its memory goes back after backward()
    private boolean released;

    /** A leaf tensor (no history) wrapping {@code data}. */
    public Tensor(INDArray data) {
        this(data, false);
    }

    /** A leaf tensor; {@code requiresGrad} makes backward() fill its gradient. */
    public Tensor(INDArray data, boolean requiresGrad) {
        this(data, "leaf", new Tensor[0], null);
        this.requiresGrad = requiresGrad;
    }

    private Tensor(INDArray data, String op, Tensor[] inputs, Backward backward) {
        if (data == null) {
            throw new IllegalArgumentException("Tensor: data must not be null");
        }
        this.data = data;
        this.op = op;
        this.inputs = inputs;
        this.backward = backward;
    }

    // ---------------------------------------------------------------- factories

    // One number gives a scalar and an array a vector, as torch.tensor(5.0) is a scalar and
    // torch.tensor([5.0]) has shape [1]: Java picks the one-double overload for Tensor.of(5.0)
    // and the varargs one for Tensor.of(array), so an array of length 1 stays a vector.

    /** fp32 scalar (shape [], like {@code torch.tensor(5.0)}); {@link #scalar(double)} says the same. */
    public static Tensor of(double value) {
        return new Tensor(Nd4j.scalar(DataType.FLOAT, value));
    }

    /** fp32 vector [n] from values, also for n = 1 ({@code Tensor.of(new double[] {5})} is [1]). */
    public static Tensor of(double... values) {
        return new Tensor(TensorData.vector("Tensor.of", values, DataType.FLOAT));
    }

    /**
     * fp32 tensor of {@code shape} filled from {@code data} in row-major order, e.g.
     * {@code Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3)}; one size may be -1 (inferred), and
     * a data length that does not fit the shape is an error naming both.
     */
    public static Tensor of(double[] data, long... shape) {
        return new Tensor(TensorData.shaped("Tensor.of", data, shape, DataType.FLOAT));
    }

    /** fp32 matrix from rows (all of the same length). */
    public static Tensor of(double[][] rows) {
        return new Tensor(TensorData.matrix("Tensor.of", rows, DataType.FLOAT));
    }

    /** Wraps an existing array (its data type is kept). */
    public static Tensor of(INDArray data) {
        return new Tensor(data);
    }

    /** fp32 scalar (shape []): the same as {@link #of(double)}, for when it should read as a scalar. */
    public static Tensor scalar(double value) {
        return of(value);
    }

    /** fp64 scalar (shape []), for gradient checks and exact worked examples. */
    public static Tensor ofDouble(double value) {
        return new Tensor(Nd4j.scalar(DataType.DOUBLE, value));
    }

    /** fp64 vector [n] from values, also for n = 1. */
    public static Tensor ofDouble(double... values) {
        return new Tensor(TensorData.vector("Tensor.ofDouble", values, DataType.DOUBLE));
    }

    /** fp64 tensor of {@code shape} from row-major {@code data} (one size may be -1), as {@link #of(double[], long...)}. */
    public static Tensor ofDouble(double[] data, long... shape) {
        return new Tensor(TensorData.shaped("Tensor.ofDouble", data, shape, DataType.DOUBLE));
    }

    /** fp64 matrix from rows (all of the same length). */
    public static Tensor ofDouble(double[][] rows) {
        return new Tensor(TensorData.matrix("Tensor.ofDouble", rows, DataType.DOUBLE));
    }

    /** fp32 column [n, 1] from values: targets for a one-output model, or one feature per row. */
    public static Tensor column(double... values) {
        return new Tensor(TensorData.column("Tensor.column", values, DataType.FLOAT));
    }

    /** fp64 column [n, 1] from values. */
    public static Tensor columnDouble(double... values) {
        return new Tensor(TensorData.column("Tensor.columnDouble", values, DataType.DOUBLE));
    }

    /** Integer (INT32) vector [n], e.g. class ids or token ids; {@code Tensor.ofInts(3)} is [1], not a scalar. */
    public static Tensor ofInts(int... ids) {
        return new Tensor(TensorData.shaped("Tensor.ofInts", ids, new long[] {ids == null ? 0 : ids.length}));
    }

    /** Integer (INT32) tensor of {@code shape} from row-major {@code data} (one size may be -1). */
    public static Tensor ofInts(int[] data, long... shape) {
        return new Tensor(TensorData.shaped("Tensor.ofInts", data, shape));
    }

    /** Integer (INT32) matrix from rows (all of the same length), e.g. token ids per sequence. */
    public static Tensor ofInts(int[][] rows) {
        return new Tensor(TensorData.matrix("Tensor.ofInts", rows));
    }

    /** Integer (INT64, PyTorch's default for ids) vector [n]. */
    public static Tensor ofLongs(long... ids) {
        return new Tensor(TensorData.shaped("Tensor.ofLongs", ids, new long[] {ids == null ? 0 : ids.length}));
    }

    /** Integer (INT64) tensor of {@code shape} from row-major {@code data} (one size may be -1). */
    public static Tensor ofLongs(long[] data, long... shape) {
        return new Tensor(TensorData.shaped("Tensor.ofLongs", data, shape));
    }

    /** Integer (INT64) matrix from rows (all of the same length). */
    public static Tensor ofLongs(long[][] rows) {
        return new Tensor(TensorData.matrix("Tensor.ofLongs", rows));
    }

    public static Tensor zeros(long... shape) {
        return new Tensor(Nd4j.zeros(DataType.FLOAT, checkShape("zeros", shape)));
    }

    public static Tensor ones(long... shape) {
        return new Tensor(Nd4j.ones(DataType.FLOAT, checkShape("ones", shape)));
    }

    /** Standard normal values from Nd4j's seeded generator ({@code Course.seed}). */
    public static Tensor randn(long... shape) {
        return new Tensor(Nd4j.randn(DataType.FLOAT, checkShape("randn", shape)));
    }

    /** Uniform values in [0, 1) from Nd4j's seeded generator. */
    public static Tensor rand(long... shape) {
        return new Tensor(Nd4j.rand(DataType.FLOAT, checkShape("rand", shape)));
    }

    /** The factories' shape check: every dimension a size of at least 0 (else Nd4j's message names none). */
    private static long[] checkShape(String factory, long[] shape) {
        if (shape == null) {
            throw new IllegalArgumentException("Tensor." + factory + ": expected a shape (sizes >= 0), got null");
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) {
                throw new IllegalArgumentException("Tensor." + factory + Arrays.toString(shape)
                        + ": expected every dimension >= 0, got " + shape[i] + " at dimension " + i);
            }
        }
        return shape;
    }

    /**
     * The result of an operation: {@code data} computed from {@code inputs}, with the rule that
     * maps the output gradient to the inputs' gradients. Records history only when needed.
     */
    public static Tensor op(String op, INDArray data, Backward backward, Tensor... inputs) {
        if (Anomaly.enabled()) {
            Anomaly.checkForward(op, data, inputs);
        }
        if (noGradDepth > 0 || backward == null) {
            return new Tensor(data, op, new Tensor[0], null);
        }
        boolean needed = false;
        for (Tensor t : inputs) {
            needed |= t.requiresGrad;
        }
        if (!needed) {
            return new Tensor(data, op, new Tensor[0], null);
        }
        Tensor out = new Tensor(data, op, inputs, backward);
        out.requiresGrad = true;
        return out;
    }

    // ---------------------------------------------------------------- grad mode

    /** Within {@code try (var g = Tensor.noGrad()) { ... }} operations record no history. */
    public static NoGrad noGrad() {
        synchronized (Tensor.class) {
            noGradDepth++;
        }
        return new NoGrad();
    }

    /** True unless inside a {@link #noGrad()} block. */
    public static boolean isGradEnabled() {
        return noGradDepth == 0;
    }

    /** Closes a {@link #noGrad()} scope. */
    public static final class NoGrad implements AutoCloseable {
        private boolean closed;

        private NoGrad() {}

        @Override
        public void close() {
            synchronized (Tensor.class) {
                if (!closed) {
                    closed = true;
                    noGradDepth--;
                }
            }
        }
    }

    // ---------------------------------------------------------------- accessors

    /** The values (an Nd4j array). Changing it in place changes the tensor. */
    public INDArray data() {
        checkNotReleased("data()");
        return data;
    }

    /** Replaces the values (same shape expected), e.g. when loading saved weights. */
    public void setData(INDArray newData) {
        if (!Arrays.equals(newData.shape(), data.shape())) {
            throw new IllegalArgumentException(describe() + ".setData: expected shape "
                    + Arrays.toString(data.shape()) + ", got " + Arrays.toString(newData.shape()));
        }
        this.data = newData;
    }

    /**
     * dL/d(this) after {@link #backward()}, or <b>null</b> if no gradient reached it yet: before any
     * backward(), after {@link #zeroGrad()}, when this tensor does not require grad, or when it is
     * computed (not a leaf) and {@link #retainGrad()} was not called. Optimizers rely on null meaning
     * "no gradient, skip". To read a gradient that must be there, use {@link #gradOrThrow()}, which
     * says why it is missing instead of a NullPointerException later.
     */
    public INDArray grad() {
        return grad;
    }

    /**
     * dL/d(this), as {@link #grad()}, but throws an {@link IllegalStateException} that says why
     * there is none (no backward() yet, no requiresGrad, or a computed tensor without retainGrad()).
     */
    public INDArray gradOrThrow() {
        if (grad != null) {
            return grad;
        }
        String why;
        if (!requiresGrad) {
            why = "it does not require grad; call requiresGrad(true) on it before computing the loss, then backward()";
        } else if (!isLeaf() && !retainGrad) {
            why = "it is computed (op '" + op + "'), not a leaf, so backward() keeps no gradient for it;"
                    + " call retainGrad() on it before backward()";
        } else {
            why = "no backward() has reached it yet (or zeroGrad() cleared it);"
                    + " call backward() on a loss computed from it first";
        }
        throw new IllegalStateException(describe() + ".gradOrThrow(): expected a gradient, got none: " + why);
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Makes this leaf tensor collect gradients (or stop collecting). Returns this. */
    public Tensor requiresGrad(boolean flag) {
        if (!isLeaf() && !flag) {
            throw new IllegalStateException(describe() + ": only leaf tensors can stop requiring grad; use detach()");
        }
        this.requiresGrad = flag;
        return this;
    }

    /**
     * Makes backward() keep dL/d(this) in {@link #grad()} although this tensor is computed, not a
     * leaf (as PyTorch's retain_grad), e.g. to show gradients of intermediate values. Returns this.
     */
    public Tensor retainGrad() {
        if (!requiresGrad) {
            throw new IllegalStateException(describe() + ".retainGrad(): this tensor does not require grad, "
                    + "so no gradient will reach it");
        }
        retainGrad = true;
        return this;
    }

    /** How a graph shows the operation: e.g. "u × 0.5" for mul(0.5) (u: its input), else the op name. */
    public String opLabel() {
        return label != null ? label : op;
    }

    /** Sets the graph label of an op's result (used by ops with constant arguments). */
    Tensor labelled(String text) {
        this.label = text;
        return this;
    }

    /** A constant for labels: 0.5, 2, -1.1 (no trailing zeros). */
    static String fmt(double c) {
        return c == Math.rint(c) && Math.abs(c) < 1e15 ? String.valueOf((long) c)
                : java.math.BigDecimal.valueOf(c).stripTrailingZeros().toPlainString();
    }

    /** Forgets the accumulated gradient. */
    public void zeroGrad() {
        grad = null;
    }

    public boolean isLeaf() {
        return inputs.length == 0;
    }

    /** The operation that produced this tensor ("leaf" for inputs and parameters). */
    public String op() {
        return op;
    }

    /** The tensors this one was computed from (empty for a leaf or without history). */
    public List<Tensor> inputs() {
        return Collections.unmodifiableList(Arrays.asList(inputs));
    }

    public String name() {
        return name;
    }

    /** Gives the tensor a name shown in graphs and error messages. Returns this. */
    public Tensor name(String newName) {
        this.name = newName;
        return this;
    }

    public long[] shape() {
        return data.shape();
    }

    public int rank() {
        return data.rank();
    }

    public long size(int dim) {
        return data.size(dim < 0 ? dim + data.rank() : dim);
    }

    public long length() {
        return data.length();
    }

    public DataType dtype() {
        return data.dataType();
    }

    /** The single value of a one-element tensor. */
    public double item() {
        checkNotReleased("item()");
        if (data.length() != 1) {
            throw new IllegalStateException(describe() + ".item(): expected one element, got shape "
                    + Arrays.toString(data.shape()) + "; reduce it first, e.g. .mean()");
        }
        return data.getDouble(0);
    }

    /** Values flattened in row-major order as doubles. */
    public double[] toDoubleArray() {
        checkNotReleased("toDoubleArray()");
        return JavaValues.doubles(data);
    }

    /** The values of a matrix [rows, cols] as {@code double[rows][cols]}. */
    public double[][] toDoubleMatrix() {
        return JavaValues.matrix(describe(), data);
    }

    /**
     * Values flattened in row-major order as ints, e.g. predicted class ids; throws if a value is
     * not a whole number in int range (it names the first one) rather than truncating it.
     */
    public int[] toIntArray() {
        return JavaValues.ints(describe(), data);
    }

    /** Values flattened in row-major order as longs; throws if a value is not a whole number. */
    public long[] toLongArray() {
        return JavaValues.longs(describe(), data);
    }

    /**
     * How many elements are not zero (true, for a mask): {@code pred.eq(labels).countNonZero()}
     * counts the correct predictions. NaN counts as not zero, as in PyTorch's count_nonzero.
     */
    public long countNonZero() {
        long n = 0;
        for (double v : JavaValues.doubles(data)) {
            if (v != 0) {
                n++;
            }
        }
        return n;
    }

    /**
     * Copies {@code values} into this tensor in place (same shape; converted to this tensor's data
     * type), e.g. to set a layer's weights by hand: {@code fc.weight().assign(Tensor.of(rows))}.
     * The tensor keeps its identity, so an optimizer holding it sees the new values. Only for leaf
     * tensors: a computed tensor's values belong to the graph that made it. Returns this.
     */
    public Tensor assign(Tensor values) {
        if (values == null) {
            throw new IllegalArgumentException(describe() + ".assign: expected values, got null");
        }
        if (!isLeaf()) {
            throw new IllegalStateException(describe() + ".assign: only leaf tensors (inputs, parameters) can be"
                    + " overwritten, this one is computed by op '" + op + "'; hint: detach() first");
        }
        checkSameShape(describe() + ".assign", values.data, data);
        data.assign(values.data.dataType() == data.dataType() ? values.data : values.data.castTo(data.dataType()));
        return this;
    }

    /** Sets every element to {@code value} in place (leaf tensors only). Returns this. */
    public Tensor assign(double value) {
        return assign(new Tensor(Nd4j.valueArrayOf(data.shape(), value, DataType.DOUBLE)));
    }

    /**
     * dL/d(this) as a tensor (a copy with no history, so a later backward() does not change it),
     * like PyTorch's {@code x.grad}; throws, saying why, when there is none (see {@link #gradOrThrow()}).
     */
    public Tensor gradTensor() {
        return new Tensor(gradOrThrow().dup());
    }

    /**
     * Replaces dL/d(this) by a copy of {@code gradient} (same shape and data type as this tensor),
     * or clears it with null, as assigning PyTorch's {@code x.grad}: e.g. to try an optimizer step
     * with a gradient of your choice. Returns this.
     */
    public Tensor setGrad(Tensor gradient) {
        if (gradient == null) {
            grad = null;
            return this;
        }
        checkSameShape(describe() + ".setGrad", gradient.data, data);
        if (gradient.dtype() != dtype()) {
            throw new IllegalArgumentException(describe() + ".setGrad: expected a gradient of data type " + dtype()
                    + " (as the tensor), got " + gradient.dtype() + "; convert it with toFloat() or toDouble()");
        }
        grad = gradient.data.dup();
        return this;
    }

    /** A tensor sharing these values with no history (gradients stop here). */
    public Tensor detach() {
        return new Tensor(data);
    }

    /** Same values in fp64 (a new leaf). */
    public Tensor toDouble() {
        return new Tensor(data.castTo(DataType.DOUBLE), requiresGrad);
    }

    /** Same values in fp32 (a new leaf). */
    public Tensor toFloat() {
        return new Tensor(data.castTo(DataType.FLOAT), requiresGrad);
    }

    // ---------------------------------------------------------------- backward

    /**
     * dL/dL = 1 for a one-element tensor (a loss), then reverse-mode autograd (see
     * {@link #backward(INDArray, boolean)}). Frees the graph: a second backward() through it is refused.
     */
    public void backward() {
        backward(false);
    }

    /**
     * {@link #backward()}; {@code retainGraph = true} keeps the graph so that another backward()
     * can run through it again (the gradients then add up), as PyTorch's {@code retain_graph=True}.
     */
    public void backward(boolean retainGraph) {
        if (data.length() != 1) {
            throw new IllegalStateException(describe() + ".backward(): expected a one-element tensor (a loss), got shape "
                    + Arrays.toString(data.shape()) + "; pass the output gradient with backward(grad)");
        }
        backward(Nd4j.onesLike(data), retainGraph);
    }

    /** {@link #backward(INDArray, boolean)} that frees the graph. */
    public void backward(INDArray gradOutput) {
        backward(gradOutput, false);
    }

    /**
     * Runs every recorded backward rule in reverse topological order, starting from
     * dL/d(this) = {@code gradOutput}, and accumulates (adds) into {@code grad} of every
     * tensor that requires it, so a tensor used twice gets both contributions (see {@link Autograd}).
     * Unless {@code retainGraph}, the graph is freed afterwards and a second backward through it
     * fails with an {@link IllegalStateException} that says so.
     */
    public void backward(INDArray gradOutput, boolean retainGraph) {
        if (!requiresGrad) {
            throw new IllegalStateException(describe()
                    + ".backward(): this tensor does not require grad: no input of its computation requires grad"
                    + " (or it was computed under noGrad()). hint: create parameters with requiresGrad(true)");
        }
        checkSameShape("backward", gradOutput, data);
        Autograd.backward(this, gradOutput, retainGraph);
    }

    /**
     * Anomaly detection, off by default (PyTorch's {@code detect_anomaly}): while on, the first
     * operation, or backward rule, that produces NaN or ±infinity from finite values throws an
     * {@link ArithmeticException} naming it. Every op then scans its result: use it to debug, not to train.
     */
    public static void detectAnomaly(boolean on) {
        Anomaly.enable(on);
    }

    /** True while {@link #detectAnomaly(boolean)} is on. */
    public static boolean isAnomalyDetectionEnabled() {
        return Anomaly.enabled();
    }

    /** Adds {@code g} into this tensor's gradient; a new gradient array is allocated outside the backward pass's memory. */
    void accumulate(INDArray g) {
        INDArray cast = g.dataType() == data.dataType() ? g : g.castTo(data.dataType());
        if (grad == null) {
            grad = BackwardMemory.outside(() -> cast.dup());
        } else {
            grad.addi(cast);
        }
    }

    /** Tensors this one depends on, inputs before the tensors computed from them. */
    public List<Tensor> topologicalOrder() {
        return Autograd.topologicalOrder(this);
    }

    /**
     * Sums a broadcast gradient back to {@code shape}: over the leading axes that broadcasting
     * added and over the axes where {@code shape} has size 1.
     */
    public static INDArray sumToShape(INDArray g, long[] shape) {
        return Autograd.sumToShape(g, shape);
    }

    // the engine's view of a node (package-private: see Autograd)

    Tensor[] inputArray() {
        return inputs;
    }

    Backward backwardRule() {
        return backward;
    }

    boolean retainsGrad() {
        return retainGrad;
    }

    boolean graphFreed() {
        return graphFreed;
    }

    /** Drops the backward rule and the values it saved (after a backward pass without retainGraph). */
    void freeGraph() {
        if (!isLeaf()) {
            backward = null;
            graphFreed = true;
        }
        if (releaseAfterBackward && !retainGrad && !released) {
            released = true;
            if (data.closeable()) {
                data.close();
            }
        }
    }

    /**
     * Marks a hidden activation (a value between two layers that only the graph uses, e.g. inside
     * {@code Sequential}): when a backward pass without retainGraph ends, its memory is given back
     * at once instead of when the garbage collector finds it (which leaves a training step
     * allocating fresh memory for everything). Reading it afterwards is an error that says so.
     * Returns this. For layers of the library; a tensor with {@link #retainGrad()} is kept.
     */
    public Tensor releaseAfterBackward() {
        if (!isLeaf()) {
            releaseAfterBackward = true;
        }
        return this;
    }

    /** True once a backward pass has given this hidden activation's memory back. */
    public boolean isReleased() {
        return released;
    }

    private void checkNotReleased(String what) {
        if (released) {
            throw new IllegalStateException(describe() + "." + what + ": this hidden activation (op '" + op
                    + "') was released after backward() to reuse its memory. To read it, call retainGrad() on it"
                    + " before backward(), or backward(true), or compute it outside the Sequential");
        }
    }

    // ---------------------------------------------------------------- elementwise arithmetic

    /** a + b (broadcasting). d/da = g, d/db = g. */
    public Tensor add(Tensor b) {
        Tensor a = this;
        return op("add", broadcastOp("add", a, b).add(b.data), g -> new INDArray[] {g, g}, a, b);
    }

    public Tensor add(double c) {
        return op("add", data.add(c), g -> new INDArray[] {g}, this).labelled("u + " + fmt(c));
    }

    /** a - b (broadcasting). d/da = g, d/db = -g. */
    public Tensor sub(Tensor b) {
        Tensor a = this;
        return op("sub", broadcastOp("sub", a, b).sub(b.data), g -> new INDArray[] {g, g.neg()}, a, b);
    }

    public Tensor sub(double c) {
        return op("sub", data.sub(c), g -> new INDArray[] {g}, this).labelled("u − " + fmt(c));
    }

    /** c - a. */
    public Tensor rsub(double c) {
        return op("rsub", data.rsub(c), g -> new INDArray[] {g.neg()}, this).labelled(fmt(c) + " − u");
    }

    /** a * b elementwise (broadcasting). d/da = g b, d/db = g a. */
    public Tensor mul(Tensor b) {
        Tensor a = this;
        return op("mul", broadcastOp("mul", a, b).mul(b.data),
                g -> new INDArray[] {g.mul(b.data), g.mul(a.data)}, a, b);
    }

    public Tensor mul(double c) {
        return op("mul", data.mul(c), g -> new INDArray[] {g.mul(c)}, this).labelled("u × " + fmt(c));
    }

    /** a / b elementwise (broadcasting). d/da = g / b, d/db = -g a / b². */
    public Tensor div(Tensor b) {
        Tensor a = this;
        return op("div", broadcastOp("div", a, b).div(b.data),
                g -> new INDArray[] {g.div(b.data), g.mul(a.data).div(b.data).div(b.data).negi()}, a, b);
    }

    public Tensor div(double c) {
        return op("div", data.div(c), g -> new INDArray[] {g.div(c)}, this).labelled("u ÷ " + fmt(c));
    }

    /** -a. */
    public Tensor neg() {
        return op("neg", data.neg(), g -> new INDArray[] {g.neg()}, this);
    }

    /** a^p. d/da = p a^(p-1) g. */
    public Tensor pow(double p) {
        INDArray x = data;
        return op("pow", Transforms.pow(x, p, true),
                g -> new INDArray[] {g.mul(Transforms.pow(x, p - 1, true)).muli(p)}, this).labelled(p == 2 ? "u²" : p == 3 ? "u³" : "u^" + fmt(p));
    }

    /** e^a. d/da = e^a g. */
    public Tensor exp() {
        INDArray y = Transforms.exp(data, true);
        return op("exp", y, g -> new INDArray[] {g.mul(y)}, this);
    }

    /** ln a. d/da = g / a. */
    public Tensor log() {
        INDArray x = data;
        return op("log", Transforms.log(x, true), g -> new INDArray[] {g.div(x)}, this);
    }

    /** √a. d/da = g / (2√a). */
    public Tensor sqrt() {
        INDArray y = Transforms.sqrt(data, true);
        return op("sqrt", y, g -> new INDArray[] {g.div(y).muli(0.5)}, this);
    }

    /** |a|. d/da = sign(a) g (0 at a = 0). */
    public Tensor abs() {
        INDArray x = data;
        return op("abs", Transforms.abs(x, true), g -> new INDArray[] {g.mul(Transforms.sign(x, true))}, this);
    }

    // ---------------------------------------------------------------- activations

    /** σ(a) = 1 / (1 + e^-a). dσ/da = σ (1 - σ). */
    public Tensor sigmoid() {
        INDArray y = Transforms.sigmoid(data, true);
        return op("sigmoid", y, g -> new INDArray[] {g.mul(y.rsub(1.0).muli(y))}, this);
    }

    /** tanh a. d/da = 1 - tanh². Accurate near 0 in fp32 too (see {@link AccurateTanh}). */
    public Tensor tanh() {
        INDArray y = AccurateTanh.tanh(data);
        return op("tanh", y, g -> new INDArray[] {g.mul(y.mul(y).rsubi(1.0))}, this);
    }

    /** max(0, a). d/da = [a > 0] g (0 at a = 0, as PyTorch). */
    public Tensor relu() {
        INDArray x = data;
        return op("relu", Transforms.relu(x, true), g -> new INDArray[] {g.mul(x.gt(0).castTo(g.dataType()))}, this);
    }

    // ---------------------------------------------------------------- more activations (ops helper)

    /**
     * Leaky ReLU: a for a > 0, slope·a otherwise. d/da = g for a > 0, slope·g otherwise
     * (slope at a = 0, as PyTorch).
     */
    public Tensor leakyRelu(double slope) {
        INDArray positive = data.gt(0).castTo(data.dataType());
        INDArray factor = positive.mul(1 - slope).addi(slope); // 1 where a > 0, slope elsewhere
        return op("leakyRelu", data.mul(factor), g -> new INDArray[] {g.mul(factor)}, this)
                .labelled("leakyRelu(" + fmt(slope) + ")");
    }

    /**
     * ELU: a for a > 0, α(e^a - 1) otherwise. d/da = g for a > 0, α e^a g otherwise
     * (α at a = 0, as PyTorch). e^min(a, 0) keeps large positive inputs from overflowing.
     */
    public Tensor elu(double alpha) {
        INDArray positive = data.gt(0).castTo(data.dataType());
        INDArray negative = positive.rsub(1.0);
        INDArray expNeg = Transforms.exp(Transforms.min(data, 0.0, true), false); // e^min(a, 0)
        INDArray y = data.mul(positive).addi(expNeg.sub(1.0).muli(negative).muli(alpha));
        return op("elu", y, g -> new INDArray[] {g.mul(positive.add(expNeg.mul(negative).muli(alpha)))}, this)
                .labelled("elu(" + fmt(alpha) + ")");
    }

    /**
     * Softmax along {@code axis}: s_i = e^(a_i - m) / Σ_j e^(a_j - m) with m = max_j a_j
     * (subtracting the max changes nothing mathematically and keeps e^ from overflowing).
     * d/da = s ⊙ (g - Σ_j g_j s_j).
     */
    public Tensor softmax(int axis) {
        int ax = axisOf("softmax", axis);
        INDArray s = LogSoftmaxMath.softmax(data, ax);
        return op("softmax", s, g -> new INDArray[] {g.sub(g.mul(s).sum(true, ax)).muli(s)}, this)
                .labelled("softmax(axis " + ax + ")");
    }

    /**
     * Log-softmax along {@code axis}: a_i - m - ln Σ_j e^(a_j - m), m = max_j a_j (stable for large
     * logits, see {@link LogSoftmaxMath}). d/da = g - softmax(a) Σ_j g_j.
     */
    public Tensor logSoftmax(int axis) {
        int ax = axisOf("logSoftmax", axis);
        INDArray y = LogSoftmaxMath.logSoftmax(data, ax);
        return op("logSoftmax", y, g -> new INDArray[] {g.sub(Transforms.exp(y, true).muli(g.sum(true, ax)))}, this)
                .labelled("logSoftmax(axis " + ax + ")");
    }

    /**
     * Heaviside step θ(a) = [a > 0] (so θ(0) = 0), the threshold unit of the perceptron.
     * Forward only: the result has no gradient history, because θ' is 0 wherever it exists
     * (and undefined at 0), so backpropagation through it would carry no signal at all; the
     * perceptron learns with its own rule instead, and trainable nets use a smooth activation.
     */
    public Tensor step() {
        return op("step", data.gt(0).castTo(data.dataType()), null, this);
    }

    /**
     * Elementwise maximum max(a, b) (broadcasting), e.g. for Maxout.
     * d/da = g where a > b, d/db = g where b > a; a tie splits the gradient evenly (g/2 each),
     * as PyTorch's torch.maximum does.
     */
    public Tensor maxOf(Tensor b) {
        Tensor a = this;
        broadcastOp("maxOf", a, b);
        long[] shape = broadcastShape(a.shape(), b.shape());
        INDArray x = broadcastTo(a.data, shape);
        INDArray z = broadcastTo(b.data, shape);
        INDArray y = Transforms.max(x, z, true);
        return op("maxOf", y, g -> {
            INDArray toA = x.gt(z).castTo(g.dataType()).addi(x.eq(z).castTo(g.dataType()).muli(0.5)); // 1, ½ or 0
            return new INDArray[] {g.mul(toA), g.mul(toA.rsub(1.0))};
        }, a, b);
    }

    /**
     * Limits every value to [min, max]. d/da = g where min ≤ a ≤ max, 0 outside
     * (the bounds themselves pass the gradient, as PyTorch). Use ±infinity for a one-sided clamp.
     */
    public Tensor clamp(double min, double max) {
        if (!(min <= max)) {
            throw new IllegalArgumentException("clamp: min must be <= max, got min=" + min + ", max=" + max);
        }
        INDArray x = data;
        INDArray y = Transforms.min(Transforms.max(x, min, true), max, false);
        return op("clamp", y, g -> {
            INDArray inside = x.gte(min).castTo(g.dataType()).muli(x.lte(max).castTo(g.dataType()));
            return new INDArray[] {g.mul(inside)};
        }, this);
    }

    // ---------------------------------------------------------------- matrix product

    /**
     * Matrix product a @ b: [n, k] x [k, m] -> [n, m], batched [B, n, k] x [B, k, m] -> [B, n, m],
     * or a batch against one matrix [B, n, k] x [k, m] -> [B, n, m].
     * d/da = g bᵀ, d/db = aᵀ g (for the shared matrix summed over the batch).
     */
    public Tensor matmul(Tensor b) {
        Tensor a = this;
        String shapes = "matmul: " + Arrays.toString(a.shape()) + " x " + Arrays.toString(b.shape());
        boolean supported = (a.rank() == 2 || a.rank() == 3) && (b.rank() == 2 || b.rank() == a.rank());
        if (!supported) {
            throw new ShapeException(shapes + ": expected 2-D x 2-D, 3-D x 3-D or 3-D x 2-D tensors");
        }
        if (a.size(-1) != b.size(-2)) {
            throw new ShapeException(shapes + ": inner dimensions " + a.size(-1) + " and " + b.size(-2) + " differ");
        }
        if (a.rank() == 3 && b.rank() == 3 && a.size(0) != b.size(0)) {
            throw new ShapeException(shapes + ": batch sizes " + a.size(0) + " and " + b.size(0) + " differ");
        }
        checkSameDtype("matmul", a, b);
        INDArray x = a.data;
        INDArray w = b.data;
        if (a.rank() == 2) {
            return op("matmul", x.mmul(w), g -> new INDArray[] {g.mmul(w.transpose()), x.transpose().mmul(g)}, a, b);
        }
        if (b.rank() == 3) {
            return op("matmul", Nd4j.matmul(x, w),
                    g -> new INDArray[] {Nd4j.matmul(g, w, false, true, false), Nd4j.matmul(x, g, true, false, false)}, a, b);
        }
        // [B, n, k] x [k, m]: one product of the stacked rows [B·n, k] with the shared matrix
        long batch = a.size(0);
        long n = a.size(1);
        long k = a.size(2);
        long m = b.size(1);
        INDArray rows = x.reshape('c', batch * n, k);
        return op("matmul", rows.mmul(w).reshape('c', batch, n, m), g -> {
            INDArray gRows = g.reshape('c', batch * n, m);
            return new INDArray[] {gRows.mmul(w.transpose()).reshape('c', batch, n, k), rows.transpose().mmul(gRows)};
        }, a, b);
    }

    // ---------------------------------------------------------------- reductions

    /** Sum of all elements (a scalar). d/da = g everywhere. */
    public Tensor sum() {
        long[] shape = shape();
        return op("sum", data.sum(), g -> new INDArray[] {Nd4j.zeros(data.dataType(), shape).addi(g.getDouble(0))}, this);
    }

    /** Sum along {@code axes}; {@code keepDims} keeps them with size 1. d/da = g broadcast back. */
    public Tensor sum(boolean keepDims, int... axes) {
        long[] shape = shape();
        int[] ax = axesOf("sum", axes);
        return op("sum", data.sum(keepDims, ax),
                g -> new INDArray[] {Nd4j.zeros(data.dataType(), shape).addi(keepDimsShape(g, shape, ax))}, this);
    }

    /** Mean of all elements; an empty tensor has none, so it is refused (instead of NaN). */
    public Tensor mean() {
        if (length() == 0) {
            throw new IllegalArgumentException(describe() + ".mean(): expected at least one element, got the mean of"
                    + " an empty tensor (shape " + Arrays.toString(shape()) + ")");
        }
        return sum().div((double) length());
    }

    /** Mean along {@code axes}; axes of size 0 are refused (their mean would be NaN). */
    public Tensor mean(boolean keepDims, int... axes) {
        long n = 1;
        for (int a : axesOf("mean", axes)) {
            n *= size(a);
        }
        if (n == 0) {
            throw new IllegalArgumentException(describe() + ".mean(axes " + Arrays.toString(axes)
                    + "): expected at least one element along the axes, got the mean of an empty tensor (shape "
                    + Arrays.toString(shape()) + ")");
        }
        return sum(keepDims, axes).div((double) n);
    }

    /**
     * Largest value along {@code axis} (torch.max(x, dim).values). The gradient goes to the
     * position of the maximum, the first one if several are equal (the index {@link #argmax} returns):
     * d/da_i = g [i = argmax].
     */
    public Tensor max(int axis, boolean keepDims) {
        int ax = axisOf("max", axis);
        long[] shape = shape();
        INDArray x = data;
        return op("max", x.max(keepDims, ax), g -> {
            INDArray winner = Nd4j.zeros(g.dataType(), shape); // one-hot of the argmax along the axis
            INDArray idx = Nd4j.argMax(x, ax);
            long[] pos = new long[shape.length];
            for (long flat = 0; flat < idx.length(); flat++) {
                long rest = flat; // row-major position over the axes other than ax
                for (int d = shape.length - 1; d >= 0; d--) {
                    if (d != ax) {
                        pos[d] = rest % shape[d];
                        rest /= shape[d];
                    }
                }
                pos[ax] = idx.getLong(flat);
                winner.putScalar(pos, 1.0);
            }
            return new INDArray[] {winner.muli(keepDimsShape(g, shape, new int[] {ax}))};
        }, this);
    }

    /**
     * Largest value of all elements (a scalar). Equal maxima share the gradient evenly,
     * as torch.max(x) does: d/da_i = g [a_i = max] / #maxima.
     */
    public Tensor max() {
        INDArray x = data;
        INDArray y = x.max();
        return op("max", y, g -> {
            INDArray isMax = x.eq(y.getDouble(0)).castTo(g.dataType());
            return new INDArray[] {isMax.muli(g.getDouble(0) / isMax.sumNumber().doubleValue())};
        }, this);
    }

    /** Index of the largest value along {@code axis} (the first if several are equal); int64, no gradient. */
    public Tensor argmax(int axis) {
        return new Tensor(Nd4j.argMax(data, axisOf("argmax", axis)));
    }

    // ---------------------------------------------------------------- shape

    /** Same values in a new shape (one dimension may be -1). */
    public Tensor reshape(long... newShape) {
        long[] shape = shape();
        INDArray y;
        try {
            y = data.reshape('c', newShape);
        } catch (RuntimeException e) {
            throw new ShapeException("reshape: cannot view " + Arrays.toString(shape) + " (" + length()
                    + " elements) as " + Arrays.toString(newShape));
        }
        return op("reshape", y, g -> new INDArray[] {g.reshape('c', shape)}, this);
    }

    /** Transpose of a 2-D tensor. */
    public Tensor t() {
        if (rank() != 2) {
            throw new ShapeException("t(): expected a 2-D tensor, got shape " + Arrays.toString(shape()) + "; use permute");
        }
        return op("transpose", data.transpose(), g -> new INDArray[] {g.transpose()}, this);
    }

    // ---------------------------------------------------------------- movement and indexing (ops helper)

    /**
     * Reorders the axes: result axis i is input axis {@code dims[i]} (a view, no copy).
     * d/da = g permuted back by the inverse permutation.
     */
    public Tensor permute(int... dims) {
        if (dims.length != rank()) {
            throw new ShapeException("permute: shape " + Arrays.toString(shape()) + " has " + rank()
                    + " axes, got " + dims.length + " in " + Arrays.toString(dims));
        }
        int[] perm = axesOf("permute", dims);
        int[] inverse = new int[perm.length];
        Arrays.fill(inverse, -1);
        for (int i = 0; i < perm.length; i++) {
            if (inverse[perm[i]] >= 0) {
                throw new ShapeException("permute: " + Arrays.toString(dims) + " is not a permutation of the "
                        + rank() + " axes of " + Arrays.toString(shape()) + " (axis " + perm[i] + " twice)");
            }
            inverse[perm[i]] = i;
        }
        return op("permute", data.permute(perm), g -> new INDArray[] {g.permute(inverse)}, this);
    }

    /** Swaps two axes. d/da = g with the same axes swapped back. */
    public Tensor transpose(int axisA, int axisB) {
        int[] ab = axesOf("transpose", axisA, axisB);
        int[] perm = new int[rank()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i == ab[0] ? ab[1] : i == ab[1] ? ab[0] : i;
        }
        return op("transpose", data.permute(perm), g -> new INDArray[] {g.permute(perm)}, this);
    }

    /** Inserts an axis of size 1 at {@code axis} (0..rank; negative counts from the end). */
    public Tensor unsqueeze(int axis) {
        int ax = axis < 0 ? axis + rank() + 1 : axis;
        if (ax < 0 || ax > rank()) {
            throw new ShapeException("unsqueeze: axis " + axis + " out of range for shape " + Arrays.toString(shape())
                    + " (allowed " + (-rank() - 1) + ".." + rank() + ")");
        }
        long[] s = new long[rank() + 1];
        for (int i = 0, j = 0; i < s.length; i++) {
            s[i] = i == ax ? 1 : shape()[j++];
        }
        return reshapeOp("unsqueeze", s);
    }

    /** Removes the axis {@code axis}, which must have size 1. */
    public Tensor squeeze(int axis) {
        int ax = axisOf("squeeze", axis);
        if (size(ax) != 1) {
            throw new ShapeException("squeeze: axis " + axis + " of shape " + Arrays.toString(shape())
                    + " has size " + size(ax) + ", only size 1 can be removed");
        }
        return reshapeOp("squeeze", removeAxis(shape(), ax));
    }

    /** Removes every axis of size 1. */
    public Tensor squeeze() {
        return reshapeOp("squeeze", Arrays.stream(shape()).filter(d -> d != 1).toArray());
    }

    /** Merges the axes from {@code fromAxis} on into one: [N, 1, 28, 28].flatten(1) is [N, 784]. */
    public Tensor flatten(int fromAxis) {
        int from = axisOf("flatten", fromAxis);
        long[] s = Arrays.copyOf(shape(), from + 1);
        s[from] = 1;
        for (int i = from; i < rank(); i++) {
            s[from] *= size(i);
        }
        return reshapeOp("flatten", s);
    }

    /** A reshape recorded under its own name (squeeze, flatten, ...). d/da = g reshaped back. */
    private Tensor reshapeOp(String opName, long[] newShape) {
        long[] shape = shape();
        return op(opName, data.reshape('c', newShape), g -> new INDArray[] {g.reshape('c', shape)}, this);
    }

    /**
     * Joins tensors along an existing {@code axis}; all other sizes must agree.
     * d/d(input k) = the part of g that input k filled.
     */
    public static Tensor concat(int axis, Tensor... tensors) {
        if (tensors.length == 0) {
            throw new IllegalArgumentException("concat: expected at least one tensor");
        }
        Tensor first = tensors[0];
        int ax = first.axisOf("concat", axis);
        long[] offsets = new long[tensors.length + 1];
        INDArray[] parts = new INDArray[tensors.length];
        for (int k = 0; k < tensors.length; k++) {
            Tensor t = tensors[k];
            checkSameDtype("concat", first, t);
            boolean fits = t.rank() == first.rank();
            for (int d = 0; fits && d < t.rank(); d++) {
                fits = d == ax || t.size(d) == first.size(d);
            }
            if (!fits) {
                throw new ShapeException("concat along axis " + axis + ": tensor " + k + " has shape "
                        + Arrays.toString(t.shape()) + ", tensor 0 has " + Arrays.toString(first.shape())
                        + "; all sizes except axis " + ax + " must agree");
            }
            parts[k] = t.data;
            offsets[k + 1] = offsets[k] + t.size(ax);
        }
        INDArray y = tensors.length == 1 ? first.data.dup() : Nd4j.concat(ax, parts);
        return op("concat", y, g -> {
            INDArray[] grads = new INDArray[tensors.length];
            for (int k = 0; k < tensors.length; k++) {
                grads[k] = g.get(indexAlong(g.rank(), ax, NDArrayIndex.interval(offsets[k], offsets[k + 1])));
            }
            return grads;
        }, tensors);
    }

    /**
     * Stacks same-shaped tensors along a new {@code axis} (0..rank): n tensors [3, 4] stacked on
     * axis 0 give [n, 3, 4]. d/d(input k) = g at index k of the new axis.
     */
    public static Tensor stack(int axis, Tensor... tensors) {
        if (tensors.length == 0) {
            throw new IllegalArgumentException("stack: expected at least one tensor");
        }
        Tensor first = tensors[0];
        int ax = axis < 0 ? axis + first.rank() + 1 : axis;
        if (ax < 0 || ax > first.rank()) {
            throw new ShapeException("stack: axis " + axis + " out of range for tensors of shape "
                    + Arrays.toString(first.shape()) + " (allowed " + (-first.rank() - 1) + ".." + first.rank() + ")");
        }
        long[] oneMore = new long[first.rank() + 1];
        for (int i = 0, j = 0; i < oneMore.length; i++) {
            oneMore[i] = i == ax ? 1 : first.shape()[j++];
        }
        INDArray[] parts = new INDArray[tensors.length];
        for (int k = 0; k < tensors.length; k++) {
            checkSameDtype("stack", first, tensors[k]);
            if (!Arrays.equals(tensors[k].shape(), first.shape())) {
                throw new ShapeException("stack: tensor " + k + " has shape " + Arrays.toString(tensors[k].shape())
                        + ", tensor 0 has " + Arrays.toString(first.shape()) + "; stacked tensors must have equal shapes");
            }
            parts[k] = tensors[k].data.reshape('c', oneMore);
        }
        INDArray y = tensors.length == 1 ? parts[0].dup() : Nd4j.concat(ax, parts);
        return op("stack", y, g -> {
            INDArray[] grads = new INDArray[tensors.length];
            for (int k = 0; k < tensors.length; k++) {
                grads[k] = g.get(indexAlong(g.rank(), ax, NDArrayIndex.point(k)));
            }
            return grads;
        }, tensors);
    }

    /**
     * Elements {@code from} (inclusive) to {@code to} (exclusive) along {@code axis}, like x[..., from:to];
     * negative positions count from the end. d/da = g placed back into zeros at those positions.
     */
    public Tensor slice(int axis, long from, long to) {
        int ax = axisOf("slice", axis);
        long n = size(ax);
        long lo = from < 0 ? from + n : from;
        long hi = to < 0 ? to + n : to;
        if (lo < 0 || hi > n || lo > hi) {
            throw new ShapeException("slice: [" + from + ", " + to + ") along axis " + axis + " of shape "
                    + Arrays.toString(shape()) + " is out of range (size " + n + ")");
        }
        INDArrayIndex[] where = indexAlong(rank(), ax, NDArrayIndex.interval(lo, hi));
        long[] shape = shape();
        return op("slice", data.get(where), g -> {
            INDArray full = Nd4j.zeros(g.dataType(), shape);
            full.get(where).assign(g);
            return new INDArray[] {full};
        }, this);
    }

    /** The sub-tensor at {@code index} along {@code axis}, which disappears (x[..., i, ...]). */
    public Tensor select(int axis, long index) {
        int ax = axisOf("select", axis);
        long n = size(ax);
        long i = index < 0 ? index + n : index;
        if (i < 0 || i >= n) {
            throw new ShapeException("select: index " + index + " along axis " + axis + " of shape "
                    + Arrays.toString(shape()) + " is out of range (size " + n + ")");
        }
        INDArrayIndex[] where = indexAlong(rank(), ax, NDArrayIndex.point(i));
        long[] shape = shape();
        return op("select", data.get(where), g -> {
            INDArray full = Nd4j.zeros(g.dataType(), shape);
            full.get(where).assign(g);
            return new INDArray[] {full};
        }, this);
    }

    /**
     * Rows (entries along axis 0) by index, repeats allowed: x[rows] for a minibatch or an embedding
     * lookup. d/da = g rows added back into zeros at their indices (a row picked twice gets both).
     */
    public Tensor index(long... rows) {
        if (rank() == 0) {
            throw new ShapeException("index: a scalar has no rows");
        }
        long n = size(0);
        for (long r : rows) {
            if (r < 0 || r >= n) {
                throw new ShapeException("index: row " + r + " out of range for shape " + Arrays.toString(shape())
                        + " (valid 0.." + (n - 1) + ")");
            }
        }
        long[] shape = shape();
        long[] outShape = shape.clone();
        outShape[0] = rows.length;
        long rowLength = length() / Math.max(n, 1);
        INDArray table = data.reshape('c', n, rowLength);
        INDArray picked = rows.length == 0 ? Nd4j.create(data.dataType(), 0, rowLength)
                : table.get(new SpecifiedIndex(rows), NDArrayIndex.all());
        return op("index", picked.reshape('c', outShape), g -> {
            INDArray full = Nd4j.zeros(g.dataType(), n, rowLength);
            INDArray gRows = g.reshape('c', rows.length, rowLength);
            for (int k = 0; k < rows.length; k++) {
                full.getRow(rows[k]).addi(gRows.getRow(k));
            }
            return new INDArray[] {full.reshape('c', shape)};
        }, this);
    }

    /** {@link #index(long...)} with int indices. */
    public Tensor index(int... rows) {
        return index(Arrays.stream(rows).asLongStream().toArray());
    }

    /**
     * For scores [N, C] and one class per row, the N values x[i, y_i] (a gather along axis 1,
     * as in cross-entropy). d/dx[i, y_i] = g_i, zero elsewhere.
     */
    public Tensor pick(int... classIdx) {
        if (rank() != 2) {
            throw new ShapeException("pick: expected scores of shape [N, C], got " + Arrays.toString(shape()));
        }
        long n = size(0);
        long c = size(1);
        if (classIdx.length != n) {
            throw new ShapeException("pick: " + classIdx.length + " class indices for " + n + " rows of scores "
                    + Arrays.toString(shape()) + "; expected one index per row");
        }
        for (int i = 0; i < n; i++) {
            if (classIdx[i] < 0 || classIdx[i] >= c) {
                throw new ShapeException("pick: class index " + classIdx[i] + " in row " + i + " out of range for "
                        + c + " classes (valid 0.." + (c - 1) + ")");
            }
        }
        INDArray x = data;
        INDArray y = Nd4j.create(x.dataType(), n);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, x.getDouble(i, classIdx[i]));
        }
        return op("pick", y, g -> {
            INDArray full = Nd4j.zeros(g.dataType(), n, c);
            for (int i = 0; i < n; i++) {
                full.putScalar(i, classIdx[i], g.getDouble(i));
            }
            return new INDArray[] {full};
        }, this);
    }

    /** {@link #pick(int...)} with the class indices in an array of integer values (any numeric type). */
    public Tensor pick(INDArray classIdx) {
        if (classIdx.rank() != 1) {
            throw new ShapeException("pick: expected class indices of shape [N], got " + Arrays.toString(classIdx.shape()));
        }
        int[] idx = new int[(int) classIdx.length()];
        for (int i = 0; i < idx.length; i++) {
            double v = classIdx.getDouble(i);
            if (v != Math.rint(v)) {
                throw new IllegalArgumentException("pick: class index " + v + " at position " + i + " is not an integer");
            }
            idx[i] = (int) v;
        }
        return pick(idx);
    }

    /**
     * Elementwise choice: a where mask is true (or 1), b elsewhere (mask, a and b broadcast).
     * d/da = g where mask, d/db = g elsewhere; the mask gets no gradient.
     */
    public static Tensor where(INDArray mask, Tensor a, Tensor b) {
        INDArray isTrue;
        if (mask.dataType() == DataType.BOOL) {
            isTrue = mask;
        } else {
            if (mask.length() > 0 && mask.mul(mask.rsub(1.0)).amaxNumber().doubleValue() != 0) {
                throw new IllegalArgumentException("where: a numeric mask must hold only 0 and 1 values, got " + mask);
            }
            isTrue = mask.neq(0);
        }
        broadcastOp("where", a, b);
        long[] shape = broadcastShape(a.shape(), b.shape());
        if (!broadcastable(isTrue.shape(), shape)) {
            throw new ShapeException("where: mask of shape " + Arrays.toString(isTrue.shape()) + " cannot be broadcast to "
                    + Arrays.toString(shape) + " (the broadcast of " + Arrays.toString(a.shape()) + " and "
                    + Arrays.toString(b.shape()) + ")");
        }
        shape = broadcastShape(isTrue.shape(), shape);
        INDArray m = broadcastTo(isTrue, shape);
        INDArray y = Nd4j.create(a.dtype(), shape);
        Nd4j.exec(new Select(new INDArray[] {m, broadcastTo(a.data, shape), broadcastTo(b.data, shape)}, new INDArray[] {y}));
        return op("where", y, g -> {
            INDArray toA = m.castTo(g.dataType());
            return new INDArray[] {g.mul(toA), g.mul(toA.rsub(1.0))};
        }, a, b);
    }

    /** {@link #where(INDArray, Tensor, Tensor)} with the mask's values taken from a tensor. */
    public static Tensor where(Tensor mask, Tensor a, Tensor b) {
        return where(mask.data, a, b);
    }

    // ---------------------------------------------------------------- comparisons (masks)

    /** Mask (BOOL tensor, broadcast shape, no gradient) where this equals {@code b}: {@code pred.eq(labels)}. */
    public Tensor eq(Tensor b) {
        return Comparison.EQ.apply(this, b);
    }

    /** Mask where this equals the number {@code c}. */
    public Tensor eq(double c) {
        return Comparison.EQ.apply(this, c);
    }

    /** Mask where this differs from {@code b} (NaN differs from everything). */
    public Tensor ne(Tensor b) {
        return Comparison.NE.apply(this, b);
    }

    /** Mask where this differs from {@code c}. */
    public Tensor ne(double c) {
        return Comparison.NE.apply(this, c);
    }

    /** Mask where this is greater than {@code b}. */
    public Tensor gt(Tensor b) {
        return Comparison.GT.apply(this, b);
    }

    /** Mask where this is greater than {@code c}: {@code x.gt(0)} marks the active ReLU units. */
    public Tensor gt(double c) {
        return Comparison.GT.apply(this, c);
    }

    /** Mask where this is greater than or equal to {@code b}. */
    public Tensor ge(Tensor b) {
        return Comparison.GE.apply(this, b);
    }

    /** Mask where this is greater than or equal to {@code c}. */
    public Tensor ge(double c) {
        return Comparison.GE.apply(this, c);
    }

    /** Mask where this is less than {@code b}. */
    public Tensor lt(Tensor b) {
        return Comparison.LT.apply(this, b);
    }

    /** Mask where this is less than {@code c}. */
    public Tensor lt(double c) {
        return Comparison.LT.apply(this, c);
    }

    /** Mask where this is less than or equal to {@code b}. */
    public Tensor le(Tensor b) {
        return Comparison.LE.apply(this, b);
    }

    /** Mask where this is less than or equal to {@code c}. */
    public Tensor le(double c) {
        return Comparison.LE.apply(this, c);
    }

    // ---------------------------------------------------------------- more elementwise (ops helper)

    /** a². d/da = 2a g. */
    public Tensor square() {
        INDArray x = data;
        return op("square", x.mul(x), g -> new INDArray[] {g.mul(x).muli(2)}, this);
    }

    /**
     * ln(1 + a), accurate for tiny a (where 1 + a rounds). d/da = g / (1 + a).
     * Nd4j's log1p is plain ln(1 + a), so this uses Goldberg's correction: with u = fl(1 + a),
     * ln(1 + a) = ln(u) · a / (u - 1), and = a where u rounds to exactly 1.
     */
    public Tensor log1p() {
        INDArray x = data;
        INDArray u = x.add(1.0);
        INDArray uMinus1 = u.sub(1.0);
        INDArray corrected = Transforms.log(u, true).muli(x).divi(uMinus1); // NaN where u = 1, replaced next
        INDArray y = Nd4j.create(x.dataType(), x.shape());
        Nd4j.exec(new Select(new INDArray[] {uMinus1.eq(0), x, corrected}, new INDArray[] {y}));
        return op("log1p", y, g -> new INDArray[] {g.div(u)}, this);
    }

    // ---------------------------------------------------------------- helpers

    /** Checks broadcast compatibility (numpy rules) and returns a's data for chaining. */
    static INDArray broadcastOp(String opName, Tensor a, Tensor b) {
        long[] sa = a.shape();
        long[] sb = b.shape();
        int n = Math.max(sa.length, sb.length);
        for (int i = 1; i <= n; i++) {
            long da = i <= sa.length ? sa[sa.length - i] : 1;
            long db = i <= sb.length ? sb[sb.length - i] : 1;
            if (da != db && da != 1 && db != 1) {
                throw new ShapeException(opName + ": shapes " + Arrays.toString(sa) + " and " + Arrays.toString(sb)
                        + " cannot be broadcast (dimension " + da + " vs " + db + ")");
            }
        }
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(opName + ": data types differ: " + a.dtype() + " and " + b.dtype()
                    + "; convert one with toFloat() or toDouble()");
        }
        return a.data;
    }

    /** The numpy broadcast of two shapes (assumes they are compatible, see broadcastOp). */
    static long[] broadcastShape(long[] sa, long[] sb) {
        int n = Math.max(sa.length, sb.length);
        long[] r = new long[n];
        for (int i = 1; i <= n; i++) {
            long da = i <= sa.length ? sa[sa.length - i] : 1;
            long db = i <= sb.length ? sb[sb.length - i] : 1;
            r[n - i] = Math.max(da, db);
        }
        return r;
    }

    /** {@code x} repeated along its size-1 (and missing leading) axes to {@code shape}. */
    static INDArray broadcastTo(INDArray x, long[] shape) {
        if (Arrays.equals(x.shape(), shape)) {
            return x;
        }
        long[] padded = new long[shape.length];
        Arrays.fill(padded, 1);
        System.arraycopy(x.shape(), 0, padded, shape.length - x.rank(), x.rank());
        return x.reshape(padded).broadcast(shape);
    }

    /** True if {@code from} can be broadcast to {@code to} (numpy rules, to's rank at least from's). */
    static boolean broadcastable(long[] from, long[] to) {
        for (int i = 1; i <= from.length; i++) {
            long f = from[from.length - i];
            long t = i <= to.length ? to[to.length - i] : 1;
            if (f != t && f != 1 && t != 1) {
                return false;
            }
        }
        return true;
    }

    static void checkSameDtype(String opName, Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(opName + ": data types differ: " + a.dtype() + " and " + b.dtype()
                    + "; convert one with toFloat() or toDouble()");
        }
    }

    /** Indices selecting everything except {@code which} on {@code axis}. */
    static INDArrayIndex[] indexAlong(int rank, int axis, INDArrayIndex which) {
        INDArrayIndex[] idx = new INDArrayIndex[rank];
        for (int i = 0; i < rank; i++) {
            idx[i] = i == axis ? which : NDArrayIndex.all();
        }
        return idx;
    }

    static long[] removeAxis(long[] shape, int axis) {
        long[] r = new long[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != axis) {
                r[j++] = shape[i];
            }
        }
        return r;
    }

    /** {@code axis} counted from 0 (negative counts from the end), or a ShapeException naming {@code opName}. */
    int axisOf(String opName, int axis) {
        int a = axis < 0 ? axis + rank() : axis;
        if (a < 0 || a >= rank()) {
            throw new ShapeException(opName + ": axis " + axis + " out of range for shape " + Arrays.toString(shape())
                    + (rank() == 0 ? " (a scalar has no axes)" : " (valid " + -rank() + ".." + (rank() - 1) + ")"));
        }
        return a;
    }

    int[] axesOf(String opName, int... axes) {
        int[] r = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            r[i] = axisOf(opName, axes[i]);
        }
        return r;
    }

    int[] normalizeAxes(int... axes) {
        return axesOf("axis", axes);
    }

    /** Reshapes a reduced gradient so it broadcasts over {@code shape} (size 1 on reduced axes). */
    static INDArray keepDimsShape(INDArray g, long[] shape, int[] axes) {
        long[] s = shape.clone();
        for (int a : axes) {
            s[a] = 1;
        }
        return g.reshape(s);
    }

    static void checkSameShape(String where, INDArray a, INDArray b) {
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new ShapeException(where + ": expected shape " + Arrays.toString(b.shape()) + ", got "
                    + Arrays.toString(a.shape()));
        }
    }

    /** "Tensor[2, 3] 'x'" for error messages. */
    String describe() {
        return "Tensor" + Arrays.toString(shape()) + (name == null ? "" : " '" + name + "'");
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Tensor(shape=").append(Arrays.toString(shape()))
                .append(", dtype=").append(dtype());
        if (name != null) {
            b.append(", name=").append(name);
        }
        if (!isLeaf()) {
            b.append(", op=").append(op);
        } else if (requiresGrad) {
            b.append(", requiresGrad");
        }
        if (released) {
            return b.append(", released after backward)").toString();
        }
        b.append(")\n").append(data.length() == 1 ? String.valueOf(data.getDouble(0)) : data.toString());
        return b.toString();
    }

    @Override
    public String toHtml() {
        String esc = toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<pre>" + esc + "</pre>";
    }
}
