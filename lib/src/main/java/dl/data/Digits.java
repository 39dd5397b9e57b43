package dl.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The 8x8 handwritten digits of scikit-learn (UCI "Optical Recognition of Handwritten Digits"),
 * from Debian's {@code python3-sklearn}: 1,797 images, classes 0..9, pixel counts 0..16 scaled to
 * [0, 1] by /16. A small second image task (e.g. a transfer-learning target).
 *
 * <p>File: digits.csv.gz, 1,797 lines of 64 pixel values then the label.
 */
public final class Digits {

    public static final String DEBIAN_PACKAGE = "python3-sklearn";
    public static final Path FILE = Path.of("/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz");
    public static final int COUNT = 1797;
    public static final int SIDE = 8;

    private final INDArray images;
    private final int[] labels;

    private Digits(INDArray images, int[] labels) {
        this.images = images;
        this.labels = labels;
    }

    /** Reads, verifies and parses the whole file. */
    public static Digits load() {
        PinnedFile f = pinned();
        String where = f.path().toString();
        String text = new String(Gzip.decompress(f.read(), where), StandardCharsets.US_ASCII);
        return parse(text, where);
    }

    static PinnedFile pinned() {
        return new PinnedFile("scikit-learn 8x8 digits", FILE, 57512,
                "46abec6b12486ad9e51943373abcf22bbea1b5a51a1619b361570d8893f1464a", PinnedFile.debianHint(DEBIAN_PACKAGE));
    }

    /** Parses "64 pixels (0..16), label (0..9)" per line; errors name the line. */
    static Digits parse(String text, String where) {
        String[] lines = text.strip().split("\r?\n");
        int n = lines.length;
        float[] pixels = new float[n * SIDE * SIDE];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines[i].split(",");
            if (f.length != SIDE * SIDE + 1) {
                throw new DataFileException(where + " line " + (i + 1) + ": " + f.length + " values, expected 65"
                        + " (64 pixels and a label)");
            }
            for (int j = 0; j <= SIDE * SIDE; j++) {
                double v;
                try {
                    v = Double.parseDouble(f[j].trim());
                } catch (NumberFormatException e) {
                    throw new DataFileException(where + " line " + (i + 1) + ", value " + (j + 1) + ": '" + f[j]
                            + "' is not a number");
                }
                int max = j < SIDE * SIDE ? 16 : 9;
                if (v != Math.rint(v) || v < 0 || v > max) {
                    throw new DataFileException(where + " line " + (i + 1) + ", value " + (j + 1) + ": " + f[j]
                            + ", expected a whole number in 0.." + max);
                }
                if (j < SIDE * SIDE) {
                    pixels[i * SIDE * SIDE + j] = (float) (v / 16.0);
                } else {
                    labels[i] = (int) v;
                }
            }
        }
        return new Digits(Nd4j.create(pixels, new long[] {n, SIDE, SIDE}, DataType.FLOAT), labels);
    }

    /** Images [N, 8, 8] in [0, 1]. */
    public INDArray images() {
        return images;
    }

    /** Images flattened to [N, 64]. */
    public INDArray flat() {
        return images.reshape(images.size(0), SIDE * SIDE);
    }

    public int[] labels() {
        return labels.clone();
    }

    public int size() {
        return labels.length;
    }

    public List<String> classNames() {
        return Labels.numbered(10);
    }

    /** Flat images [N, 64] with labels. */
    public ArrayDataset dataset() {
        return ArrayDataset.of(flat(), labels, 10);
    }

    /** Images [N, 1, 8, 8] with labels, for a CNN. */
    public ArrayDataset imageDataset() {
        return ArrayDataset.of(images.reshape(images.size(0), 1, SIDE, SIDE), labels, 10);
    }

    @Override
    public String toString() {
        return "Digits(" + size() + " images 8x8 from " + FILE + ")";
    }
}
