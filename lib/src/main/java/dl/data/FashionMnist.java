package dl.data;

import dl.Course;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fashion-MNIST (Zalando, MIT licence): 28x28 grey images of 10 kinds of clothing, 60,000 for
 * training and 10,000 for testing. Pixels come as floats p / 255 in [0, 1].
 *
 * <p>Two sources, always named in the first line printed and in {@link #source()}:
 * <ul>
 *   <li>{@link Source#DEBIAN}: the full set from Debian's {@code dataset-fashion-mnist}
 *       ({@code /usr/share/datasets/fashion-mnist}), checked against pinned SHA-256 sums;</li>
 *   <li>{@link Source#SUBSET}: the committed class-balanced subset in
 *       {@code datasets/fashion-mnist-subset} (2,000 train + 500 test images) for fast runs.</li>
 * </ul>
 * {@link #train()} and {@link #test()} use the Debian copy when it is installed; when it is not,
 * they fall back to the subset in fast mode (COURSE_FAST=1) and fail with the install command
 * otherwise. {@code train(true)} always takes the subset: {@code FashionMnist.train(Course.fast())}.
 *
 * <p>Each file is read completely, its checksum verified, decompressed, its IDX header and length
 * validated, and only then turned into arrays.
 */
public final class FashionMnist {

    /** Label k is {@code CLASS_NAMES.get(k)}. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    public static final String DEBIAN_PACKAGE = "dataset-fashion-mnist";
    public static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    /** Folder of the committed subset inside {@code datasets/}. */
    public static final String SUBSET_FOLDER = "fashion-mnist-subset";
    public static final int SIDE = 28;

    /** Where the images come from. */
    public enum Source { DEBIAN, SUBSET }

    /** Which half of the dataset; {@code fileStem} is the prefix of its file names. */
    public enum Part {
        TRAIN("train"), TEST("t10k");

        final String fileStem;

        Part(String fileStem) {
            this.fileStem = fileStem;
        }
    }

    /** One pinned pair of files: images and labels of one part from one source. */
    private record Files(int count, long imagesSize, String imagesSha, long labelsSize, String labelsSha) {}

    // dataset-fashion-mnist 0.0~git20200523.55506a9-1 (Debian 12)
    private static final Files DEBIAN_TRAIN = new Files(60000,
            26421856, "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7",
            29491, "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056");
    private static final Files DEBIAN_TEST = new Files(10000,
            4422079, "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa",
            5125, "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05");
    // datasets/fashion-mnist-subset, made by datasets/tools/make_fashion_mnist_subset.py
    private static final Files SUBSET_TRAIN = new Files(2000,
            872489, "332c299ee23fa6fcd0e70bf7ff541168792f131aa52fd63eb95f02b7bf6e3310",
            1036, "1d7bdd8705381abd3d38df32c513687e06a1cc57d42c1bf2a80b7a162e88ce0b");
    private static final Files SUBSET_TEST = new Files(500,
            218210, "26f068b7cf517398b6ccb40700983f0ae0fbb3055a210a4eb5a5df86b089b6a1",
            278, "a8d238498b0c62eb111c97f753b0409a4c06be90c2e52c34836481197f70265e");

    private final Part part;
    private final Source source;
    private final Path folder;
    private final INDArray images;
    private final int[] labels;

    private FashionMnist(Part part, Source source, Path folder, INDArray images, int[] labels) {
        this.part = part;
        this.source = source;
        this.folder = folder;
        this.images = images;
        this.labels = labels;
    }

    /** The training images: Debian's full set when installed, else the subset in fast mode. */
    public static FashionMnist train() {
        return load(Part.TRAIN, automaticSource());
    }

    /** The test images: Debian's full set when installed, else the subset in fast mode. */
    public static FashionMnist test() {
        return load(Part.TEST, automaticSource());
    }

    /** The training images; the committed subset when {@code subset} is true. */
    public static FashionMnist train(boolean subset) {
        return subset ? load(Part.TRAIN, Source.SUBSET) : train();
    }

    /** The test images; the committed subset when {@code subset} is true. */
    public static FashionMnist test(boolean subset) {
        return subset ? load(Part.TEST, Source.SUBSET) : test();
    }

    /** True when all four files of Debian's package are present (not yet verified). */
    public static boolean debianInstalled() {
        for (Part p : Part.values()) {
            if (!imagesFile(p, Source.DEBIAN).exists() || !labelsFile(p, Source.DEBIAN).exists()) {
                return false;
            }
        }
        return true;
    }

    /** One part from one source, verified; prints which source was used. */
    public static FashionMnist load(Part part, Source source) {
        PinnedFile imagesFile = imagesFile(part, source);
        FashionMnist data = read(part, source, IdxFile.readGzip(imagesFile), IdxFile.readGzip(labelsFile(part, source)),
                expected(part, source).count(), imagesFile.path().getParent());
        System.out.println(data.describe());
        return data;
    }

    /**
     * Reads your own pair of gzip IDX files (no checksum, but the same header, size and label
     * checks), e.g. a copy of the original download.
     */
    public static FashionMnist readFiles(Path imagesGz, Path labelsGz) {
        return read(null, null, IdxFile.readGzip(imagesGz), IdxFile.readGzip(labelsGz), -1, imagesGz.getParent());
    }

    private static FashionMnist read(Part part, Source source, IdxFile images, IdxFile labels, int expectedCount,
            Path folder) {
        int[] d = images.dims();
        if (images.type() != IdxFile.Type.UBYTE || d.length != 3 || d[1] != SIDE || d[2] != SIDE) {
            throw new DataFileException(images.source() + ": expected unsigned-byte images [N, 28, 28], got "
                    + images.type() + " " + Arrays.toString(d));
        }
        int[] l = labels.dims();
        if (labels.type() != IdxFile.Type.UBYTE || l.length != 1) {
            throw new DataFileException(labels.source() + ": expected unsigned-byte labels [N], got "
                    + labels.type() + " " + Arrays.toString(l));
        }
        if (d[0] != l[0]) {
            throw new DataFileException("Fashion-MNIST: " + d[0] + " images in " + images.source() + " but "
                    + l[0] + " labels in " + labels.source() + "; every image needs exactly one label");
        }
        if (d[0] == 0) {
            throw new DataFileException("Fashion-MNIST: " + images.source() + " holds no images");
        }
        if (expectedCount >= 0 && d[0] != expectedCount) {
            throw new DataFileException(images.source() + ": " + d[0] + " images, expected " + expectedCount);
        }
        int[] ids = labels.toIntArray();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] >= CLASS_NAMES.size()) {
                throw new DataFileException(labels.source() + ": label " + ids[i] + " at index " + i
                        + " is outside the classes 0..9");
            }
        }
        return new FashionMnist(part, source, folder, images.toFloatArray(1.0 / 255.0), ids);
    }

    private static Source automaticSource() {
        if (debianInstalled()) {
            return Source.DEBIAN;
        }
        if (Course.fast()) {
            System.out.println("Fashion-MNIST: Debian's " + DEBIAN_PACKAGE + " is not installed; fast mode uses the"
                    + " committed subset");
            return Source.SUBSET;
        }
        throw new DataFileException("Fashion-MNIST: Debian's package " + DEBIAN_PACKAGE + " is not installed ("
                + DEBIAN_DIR + " is missing files). Install it with: sudo apt-get install " + DEBIAN_PACKAGE
                + "  -- or use the small committed subset: FashionMnist.train(true) / test(true)");
    }

    private static Files expected(Part part, Source source) {
        return source == Source.DEBIAN ? (part == Part.TRAIN ? DEBIAN_TRAIN : DEBIAN_TEST)
                : (part == Part.TRAIN ? SUBSET_TRAIN : SUBSET_TEST);
    }

    private static Path folder(Source source) {
        return source == Source.DEBIAN ? DEBIAN_DIR : DatasetsFolder.find().resolve(SUBSET_FOLDER);
    }

    private static String hint(Source source) {
        return source == Source.DEBIAN ? PinnedFile.debianHint(DEBIAN_PACKAGE)
                : "It is committed in the course repository (datasets/" + SUBSET_FOLDER + "); restore it with"
                        + " git checkout -- datasets/" + SUBSET_FOLDER + " or regenerate it with"
                        + " /usr/bin/python3 datasets/tools/make_fashion_mnist_subset.py";
    }

    static PinnedFile imagesFile(Part part, Source source) {
        Files f = expected(part, source);
        return new PinnedFile("Fashion-MNIST " + part.name().toLowerCase() + " images (" + source.name().toLowerCase() + ")",
                folder(source).resolve(part.fileStem + "-images-idx3-ubyte.gz"), f.imagesSize(), f.imagesSha(), hint(source));
    }

    static PinnedFile labelsFile(Part part, Source source) {
        Files f = expected(part, source);
        return new PinnedFile("Fashion-MNIST " + part.name().toLowerCase() + " labels (" + source.name().toLowerCase() + ")",
                folder(source).resolve(part.fileStem + "-labels-idx1-ubyte.gz"), f.labelsSize(), f.labelsSha(), hint(source));
    }

    /** Images [N, 28, 28], floats in [0, 1]. */
    public INDArray images() {
        return images;
    }

    /** Images flattened to [N, 784] (a view of the same data). */
    public INDArray flat() {
        return images.reshape(images.size(0), (long) SIDE * SIDE);
    }

    /** Class ids 0..9, one per image. */
    public int[] labels() {
        return labels.clone();
    }

    /** Class ids as a FLOAT vector [N]. */
    public INDArray labelArray() {
        return Nd4j.createFromArray(labels).castTo(DataType.FLOAT);
    }

    public List<String> classNames() {
        return CLASS_NAMES;
    }

    public int size() {
        return labels.length;
    }

    /** DEBIAN or SUBSET, or null for {@link #readFiles}. */
    public Source source() {
        return source;
    }

    /** The folder the files were read from. */
    public Path folder() {
        return folder;
    }

    /** Flat images [N, 784] with labels, for an MLP. */
    public ArrayDataset dataset() {
        return ArrayDataset.of(flat(), labelArray(), CLASS_NAMES);
    }

    /** Images [N, 1, 28, 28] (one channel) with labels, for a CNN. */
    public ArrayDataset imageDataset() {
        return ArrayDataset.of(images.reshape(images.size(0), 1, SIDE, SIDE), labelArray(), CLASS_NAMES);
    }

    /**
     * One line: which part, how many images, from where. The committed subset is named by its path
     * inside the project, so published notebooks do not show the build machine's folders.
     */
    public String describe() {
        String from = source == Source.DEBIAN ? "full set from Debian's " + DEBIAN_PACKAGE
                : source == Source.SUBSET ? "committed subset" : "own files";
        String where = source == Source.SUBSET ? "datasets/" + folder.getFileName() : folder.toString();
        return "Fashion-MNIST" + (part == null ? "" : " " + part.name().toLowerCase()) + ": " + size() + " images 28x28, " + from + " (" + where + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
