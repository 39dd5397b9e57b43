package dl.data;

import dl.Course;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Cuts a dataset into mini-batches. Iterating once is one epoch; each epoch gets its own order,
 * a Fisher-Yates permutation drawn from (seed, epoch), so a loader with the same seed produces
 * the same batches in every run, and epoch e does not depend on how far earlier epochs ran.
 *
 * <pre>{@code
 * var loader = data.loader(64).shuffle(true).dropLast(true).transform(Augment.flipHorizontal(0.5));
 * for (int epoch = 0; epoch < 10; epoch++)
 *     for (Batch b : loader) { ... b.x() [64, ...], b.y() [64] ... }
 * }</pre>
 *
 * Number of batches per epoch: ceil(N / B), or floor(N / B) with dropLast.
 */
public final class DataLoader implements Iterable<Batch> {

    private final Dataset data;
    private final int batchSize;
    private boolean shuffle;
    private long seed;
    private boolean dropLast;
    private Transform transform;
    private int epochsStarted;

    /** Batches of {@code batchSize} in dataset order; the shuffle seed is drawn from {@link Course#rng()}. */
    public DataLoader(Dataset data, int batchSize) {
        if (data == null) {
            throw new IllegalArgumentException("DataLoader: dataset is null");
        }
        if (data.size() < 1) {
            throw new IllegalArgumentException("DataLoader: the dataset is empty (0 examples); expected at least one");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("DataLoader: batch size must be >= 1, got " + batchSize);
        }
        this.data = data;
        this.batchSize = batchSize;
        this.seed = Course.rng().nextLong();
    }

    /** Shuffle each epoch (seed from {@link Course#rng()} at construction). */
    public DataLoader shuffle(boolean on) {
        this.shuffle = on;
        return this;
    }

    /** Shuffle each epoch with an explicit seed; also restarts the epoch count. */
    public DataLoader shuffle(long seed) {
        this.shuffle = true;
        this.seed = seed;
        this.epochsStarted = 0;
        return this;
    }

    /** Drop the last, smaller batch, so every batch has exactly {@code batchSize} rows. */
    public DataLoader dropLast(boolean on) {
        if (on && data.size() < batchSize) {
            throw new IllegalArgumentException("DataLoader.dropLast: the dataset has " + data.size()
                    + " examples, fewer than one batch of " + batchSize + "; dropLast would give no batch at all");
        }
        this.dropLast = on;
        return this;
    }

    /**
     * A per-example transform applied to x (e.g. augmentation). Its random numbers come from a
     * generator seeded by (loader seed, epoch), so augmented epochs repeat too. Transformed
     * batches are FLOAT.
     */
    public DataLoader transform(Transform t) {
        this.transform = t;
        return this;
    }

    public int batchSize() {
        return batchSize;
    }

    public Dataset dataset() {
        return data;
    }

    /** Batches per epoch: ceil(N / B), or floor(N / B) when dropping the last partial batch. */
    public int numBatches() {
        int n = data.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** Number of epochs started so far (iterations over this loader). */
    public int epochsStarted() {
        return epochsStarted;
    }

    /** The example order of epoch {@code epoch}: 0..N-1, or its shuffled permutation. */
    public int[] order(int epoch) {
        int n = data.size();
        if (!shuffle) {
            int[] p = new int[n];
            Arrays.setAll(p, i -> i);
            return p;
        }
        return Permutations.shuffled(n, new Random(Permutations.mix(seed, epoch)));
    }

    /** The batches of one epoch, in order; each call starts the next epoch. */
    @Override
    public Iterator<Batch> iterator() {
        int epoch = epochsStarted++;
        int[] order = order(epoch);
        int batches = numBatches();
        Random augmentRng = new Random(Permutations.mix(~seed, epoch));
        Transform t = transform;
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < batches;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("DataLoader: epoch " + epoch + " has only " + batches + " batches");
                }
                int from = next * batchSize;
                int to = Math.min(from + batchSize, order.length);
                next++;
                Batch b = data.batch(Arrays.copyOfRange(order, from, to));
                return t == null ? b : new Batch(applyEach(t, b.x(), augmentRng), b.y());
            }
        };
    }

    /**
     * Applies {@code t} to each example of {@code x} [B, ...] and stacks the results. The batch is
     * read into Java once and the output built once, so each example costs only its transform.
     */
    private static INDArray applyEach(Transform t, INDArray x, Random rng) {
        int b = (int) x.size(0);
        long[] exampleShape = Arrays.copyOfRange(x.shape(), 1, x.rank());
        int len = (int) (x.length() / b);
        float[] in = JavaArrays.floats(x);
        float[] out = null;
        long[] outShape = null;
        int outLen = 0;
        for (int i = 0; i < b; i++) {
            float[] example = Arrays.copyOfRange(in, i * len, (i + 1) * len);
            long[] shapeI;
            float[] result;
            if (t instanceof ImageTransform image) {
                Planes p = image.applyPlanes(Planes.of("DataLoader.transform", example, exampleShape), rng);
                shapeI = p.shape();
                result = p.data();
            } else {
                INDArray yi = t.apply(Nd4j.create(example, exampleShape, DataType.FLOAT), rng);
                shapeI = yi.shape();
                result = JavaArrays.floats(yi);
            }
            if (out == null) {
                outShape = shapeI;
                outLen = result.length;
                out = new float[b * outLen];
            } else if (!Arrays.equals(shapeI, outShape)) {
                throw new IllegalStateException("DataLoader.transform: example " + i + " came out with shape "
                        + Arrays.toString(shapeI) + ", example 0 with " + Arrays.toString(outShape)
                        + "; a transform must give every example the same shape");
            }
            System.arraycopy(result, 0, out, i * outLen, outLen);
        }
        long[] shape = new long[outShape.length + 1];
        shape[0] = b;
        System.arraycopy(outShape, 0, shape, 1, outShape.length);
        return Nd4j.create(out, shape, DataType.FLOAT);
    }

    @Override
    public String toString() {
        return "DataLoader(" + data.size() + " examples, batch " + batchSize + ", " + numBatches() + " batches"
                + (shuffle ? ", shuffled" : "") + (dropLast ? ", drop last" : "")
                + (transform != null ? ", transformed" : "") + ")";
    }
}
