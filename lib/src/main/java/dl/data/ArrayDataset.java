package dl.data;

import dl.tensor.Tensor;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;

/**
 * A dataset held in memory as two arrays: features x [N, ...] and labels y, either [N] class
 * ids (whole numbers 0..k-1, stored as floats), [N, k] regression targets, or any [N, ...]
 * target such as [N, H, W] per-pixel class ids for segmentation.
 *
 * <p>Built through the static factories, which check before anything is stored: N >= 1, the same
 * N in x and y, no NaN or infinity, labels inside the classes. A batch is gathered with one bulk
 * memory copy per row (see {@link RowGather}).
 */
public final class ArrayDataset implements Dataset {

    private final INDArray x;
    private final INDArray y;
    private final List<String> classNames;

    private ArrayDataset(INDArray x, INDArray y, List<String> classNames) {
        String where = "ArrayDataset";
        if (x == null || y == null) {
            throw new IllegalArgumentException(where + ": x and y must not be null");
        }
        if (x.rank() == 0 || x.size(0) == 0) {
            throw new IllegalArgumentException(where + ": x has shape " + Arrays.toString(x.shape())
                    + "; expected [N, ...] with N >= 1 (the dataset is empty)");
        }
        if (y.rank() < 1) {
            throw new IllegalArgumentException(where + ": y is a scalar; expected [N] class ids or [N, ...] targets");
        }
        if (x.size(0) != y.size(0)) {
            throw new IllegalArgumentException(where + ": x has " + x.size(0) + " rows (shape "
                    + Arrays.toString(x.shape()) + ") but y has " + y.size(0) + " (shape "
                    + Arrays.toString(y.shape()) + "); every example needs exactly one label");
        }
        if (x.size(0) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(where + ": " + x.size(0) + " rows is more than an int index can reach");
        }
        this.x = contiguousFloat(x);
        this.y = contiguousFloat(y);
        NonFinite.reject(where, "x", this.x);
        NonFinite.reject(where, "y", this.y);
        if (!classNames.isEmpty()) {
            Labels.requireClasses(where, this.y, classNames.size());
        }
        this.classNames = List.copyOf(classNames);
    }

    /** x [N, ...] with labels or targets y ([N] or [N, k]) and no class names (regression). */
    public static ArrayDataset of(INDArray x, INDArray y) {
        return new ArrayDataset(x, y, List.of());
    }

    /**
     * As {@link #of(INDArray, INDArray)} from tensors' values (their history is not kept), e.g.
     * {@code ArrayDataset.of(Tensor.column(xs), Tensor.of(ys))}.
     */
    public static ArrayDataset of(Tensor x, Tensor y) {
        if (x == null || y == null) {
            throw new IllegalArgumentException("ArrayDataset.of: expected tensors x and y, got " + (x == null ? "x = null" : "x")
                    + " and " + (y == null ? "y = null" : "y"));
        }
        return of(x.data(), y.data());
    }

    /** Classification: y [N] (or [N, H, W] per pixel) holds class ids 0..classNames.size()-1. */
    public static ArrayDataset of(INDArray x, INDArray y, List<String> classNames) {
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("ArrayDataset.of: classNames is empty; give at least one class");
        }
        return new ArrayDataset(x, y, classNames);
    }

    /** Classification with int labels in 0..numClasses-1, classes named "0", "1", ... */
    public static ArrayDataset of(INDArray x, int[] labels, int numClasses) {
        if (numClasses < 1) {
            throw new IllegalArgumentException("ArrayDataset.of: numClasses must be >= 1, got " + numClasses);
        }
        return new ArrayDataset(x, Nd4j.createFromArray(labels).castTo(DataType.FLOAT), Labels.numbered(numClasses));
    }

    /** Classification with int labels and class names. */
    public static ArrayDataset of(INDArray x, int[] labels, List<String> classNames) {
        return of(x, Nd4j.createFromArray(labels).castTo(DataType.FLOAT), classNames);
    }

    /**
     * From a tablesaw Table: the label column becomes y (integer column: class ids; text column:
     * classes named by its sorted distinct values; decimal column: a regression target [N, 1]) and
     * the feature columns (all others when none are named) become x [N, d].
     */
    public static ArrayDataset fromTable(Table table, String labelColumn, String... featureColumns) {
        return TableConversion.toDataset(table, labelColumn, featureColumns);
    }

    /** This dataset as a Table: columns x0..x(d-1) (x must be [N, d]) and "label" (or y0..y(k-1)). */
    public Table toTable(String name) {
        return TableConversion.toTable(this, name);
    }

    /** All features [N, ...] (the stored array, not a copy). */
    public INDArray x() {
        return x;
    }

    /** All labels [N] or targets [N, k] (the stored array, not a copy). */
    public INDArray y() {
        return y;
    }

    @Override
    public int size() {
        return (int) x.size(0);
    }

    @Override
    public Example get(int index) {
        Dataset.checkIndex("ArrayDataset.get", index, size());
        return new Example(x.slice(index).dup(), y.slice(index).dup());
    }

    @Override
    public Batch batch(int[] indices) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("ArrayDataset.batch: no indices given; a batch needs at least one example");
        }
        for (int index : indices) {
            Dataset.checkIndex("ArrayDataset.batch", index, size());
        }
        return new Batch(RowGather.rows(x, indices), RowGather.rows(y, indices));
    }

    @Override
    public int[] labels() {
        if (classNames.isEmpty() || y.rank() != 1) {
            throw new IllegalStateException("labels(): expected one class id per example (y of shape [N] with class"
                    + " names), but y has shape " + Arrays.toString(y.shape())
                    + (classNames.isEmpty() ? " and no classes (regression targets)" : ""));
        }
        return y.toIntVector();
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public String toString() {
        return "ArrayDataset(N=" + size() + ", x " + Arrays.toString(x.shape()) + ", y "
                + Arrays.toString(y.shape()) + (classNames.isEmpty() ? "" : ", " + classNames.size() + " classes") + ")";
    }

    /** FLOAT for integer input, and c-order with default strides so rows can be viewed flat. */
    private static INDArray contiguousFloat(INDArray a) {
        INDArray out = a.dataType().isFPType() ? a : a.castTo(DataType.FLOAT);
        if (!JavaArrays.rowMajor(out)) {
            out = out.dup('c');
        }
        return out;
    }
}
