package dl.data;

import dl.Course;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An indexable collection of examples: {@code size()} rows, {@code get(i)} the i-th
 * {@link Example}. Everything else (batches, subsets, splits, loaders) is built on these two.
 *
 * <pre>{@code
 * Split s = data.split(0.8, 7);                 // 80% train, 20% validation, fixed seed
 * for (Batch b : s.train().loader(64).shuffle(true)) { ... }
 * }</pre>
 */
public interface Dataset {

    /** Number of examples N. */
    int size();

    /** The example at {@code index} (0 <= index < size()); its arrays are copies. */
    Example get(int index);

    /**
     * The examples at {@code indices}, stacked into one batch ([B, ...] and [B] or [B, k]).
     * This default stacks {@link #get} results; in-memory datasets override it with one gather.
     */
    default Batch batch(int[] indices) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("Dataset.batch: no indices given; a batch needs at least one example");
        }
        INDArray[] xs = new INDArray[indices.length];
        INDArray[] ys = new INDArray[indices.length];
        for (int i = 0; i < indices.length; i++) {
            Example e = get(checkIndex("Dataset.batch", indices[i], size()));
            xs[i] = e.x();
            ys[i] = e.y();
        }
        return new Batch(Nd4j.stack(0, xs), Nd4j.stack(0, ys));
    }

    /** Class names when the labels are class ids (index = id), empty for regression targets. */
    default List<String> classNames() {
        return List.of();
    }

    /** Number of classes, 0 for regression targets. */
    default int numClasses() {
        return classNames().size();
    }

    /** Class id of every example, in order (for stratified splits and class counts). */
    default int[] labels() {
        int[] out = new int[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = get(i).label();
        }
        return out;
    }

    /** How many examples each class has: counts[k] for k = 0..numClasses-1. */
    default int[] classCounts() {
        int k = numClasses();
        if (k == 0) {
            throw new IllegalStateException("classCounts: this dataset has no classes (regression targets)");
        }
        int[] counts = new int[k];
        for (int label : labels()) {
            counts[label]++;
        }
        return counts;
    }

    /** A view of the rows at {@code indices}, in that order (no data copied). */
    default Dataset subset(int[] indices) {
        return SubsetDataset.of(this, indices);
    }

    /** A view of the first {@code n} rows. */
    default Dataset first(int n) {
        if (n < 1 || n > size()) {
            throw new IllegalArgumentException("first(" + n + "): expected 1 <= n <= " + size()
                    + " (the dataset has " + size() + " examples)");
        }
        int[] idx = new int[n];
        Arrays.setAll(idx, i -> i);
        return subset(idx);
    }

    /** Random split with a seed drawn from {@link Course#rng()}. */
    default Split split(double trainFraction) {
        return split(trainFraction, Course.rng().nextLong());
    }

    /**
     * Random split: round(fraction * N) examples go to train, the rest to validation. Both parts
     * keep the original order of their rows.
     */
    default Split split(double trainFraction, long seed) {
        int n = size();
        int nTrain = Split.trainCount("split", trainFraction, n);
        int[] order = Permutations.shuffled(n, new Random(seed));
        return Split.of(this, Arrays.copyOfRange(order, 0, nTrain), Arrays.copyOfRange(order, nTrain, n));
    }

    /**
     * Stratified split: within each class, round(fraction * n_k) examples go to train, so both
     * parts keep the class proportions.
     */
    default Split splitStratified(double trainFraction, long seed) {
        Split.trainCount("splitStratified", trainFraction, size());
        int k = numClasses();
        if (k == 0) {
            throw new IllegalStateException("splitStratified: this dataset has no classes; use split(fraction, seed)");
        }
        int[] labels = labels();
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        Random rng = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> val = new ArrayList<>();
        for (List<Integer> rows : byClass) {
            java.util.Collections.shuffle(rows, rng);
            int nTrain = (int) Math.round(trainFraction * rows.size());
            train.addAll(rows.subList(0, nTrain));
            val.addAll(rows.subList(nTrain, rows.size()));
        }
        if (train.isEmpty() || val.isEmpty()) {
            throw new IllegalArgumentException("splitStratified(" + trainFraction + "): " + size()
                    + " examples give an empty " + (train.isEmpty() ? "train" : "validation") + " part");
        }
        return Split.of(this, train.stream().mapToInt(Integer::intValue).toArray(),
                val.stream().mapToInt(Integer::intValue).toArray());
    }

    /** A loader over this dataset: {@code data.loader(64).shuffle(true)}. */
    default DataLoader loader(int batchSize) {
        return new DataLoader(this, batchSize);
    }

    /** Validates an index, naming the caller, the index and the size. */
    static int checkIndex(String where, int index, int size) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(where + ": index " + index + " outside 0.." + (size - 1)
                    + " (size " + size + ")");
        }
        return index;
    }
}
