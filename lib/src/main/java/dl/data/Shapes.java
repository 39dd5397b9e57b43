package dl.data;

import dl.Course;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Grey images of circles, squares and triangles on a noisy background, with everything needed
 * for classification, localization, detection and segmentation:
 * <ul>
 *   <li>{@link #images()} [N, 1, S, S] in [0, 1]: background uniform in [0, noise], each object a
 *       flat brightness in [0.6, 1] plus the same noise;</li>
 *   <li>{@link #objects(int)}: per image 1..maxObjects non-overlapping objects, each with its
 *       class and a tight bounding box [x1, y1, x2, y2] in pixels (x = column, exclusive ends, so a
 *       one-pixel object at column c, row r has box [c, r, c+1, r+1]);</li>
 *   <li>{@link #masks()} [N, S, S]: 0 for background, 1 + class for the object's pixels.</li>
 * </ul>
 * A pixel belongs to a shape when its centre (c + 1/2, r + 1/2) is inside it. A shape of side s
 * placed at (x, y): square [x, x+s) x [y, y+s); circle of radius s/2 around the square's centre;
 * triangle with apex (x + s/2, y) and base corners (x, y+s), (x+s, y+s).
 */
public final class Shapes {

    public static final List<String> CLASS_NAMES = List.of("circle", "square", "triangle");
    public static final int CIRCLE = 0;
    public static final int SQUARE = 1;
    public static final int TRIANGLE = 2;

    /** One object: its class and tight bounding box [x1, y1, x2, y2] (x2, y2 exclusive). */
    public record ShapeObject(int label, int x1, int y1, int x2, int y2) {
        public String className() {
            return CLASS_NAMES.get(label);
        }

        /** The box as floats [x1, y1, x2, y2]. */
        public float[] box() {
            return new float[] {x1, y1, x2, y2};
        }

        public int area() {
            return (x2 - x1) * (y2 - y1);
        }
    }

    private final int size;
    private final INDArray images;
    private final INDArray masks;
    private final List<List<ShapeObject>> objects;

    private Shapes(int size, INDArray images, INDArray masks, List<List<ShapeObject>> objects) {
        this.size = size;
        this.images = images;
        this.masks = masks;
        this.objects = objects;
    }

    /** n images of size x size with one object each, noise 0.2, seed from {@link Course#rng()}. */
    public static Shapes generate(int n, int size) {
        return generate(n, size, 1, 0.2, Course.rng().nextLong());
    }

    /**
     * n images of size x size pixels, each with 1..maxObjects objects (fewer when they do not
     * fit without overlapping) of side between size/5 and size/2.
     */
    public static Shapes generate(int n, int size, int maxObjects, double noise, long seed) {
        Synthetic.requirePositive("Shapes", "n", n);
        Synthetic.requirePositive("Shapes", "maxObjects", maxObjects);
        Synthetic.requireNonNegative("Shapes", "noise", noise);
        if (size < 8) {
            throw new IllegalArgumentException("Shapes: size must be >= 8 pixels, got " + size);
        }
        if (noise > 0.5) {
            throw new IllegalArgumentException("Shapes: noise must be <= 0.5 so objects stay visible, got " + noise);
        }
        Random rng = new Random(seed);
        int plane = size * size;
        float[] img = new float[n * plane];
        float[] mask = new float[n * plane];
        List<List<ShapeObject>> all = new ArrayList<>(n);
        int minSide = Math.max(3, size / 5);
        int maxSide = Math.max(minSide, size / 2);
        for (int i = 0; i < n; i++) {
            int off = i * plane;
            for (int p = 0; p < plane; p++) {
                img[off + p] = (float) (noise * rng.nextDouble());
            }
            int wanted = 1 + rng.nextInt(maxObjects);
            List<ShapeObject> placed = new ArrayList<>();
            List<int[]> squares = new ArrayList<>();
            for (int attempt = 0; placed.size() < wanted && attempt < 100; attempt++) {
                int side = minSide + rng.nextInt(maxSide - minSide + 1);
                int x = rng.nextInt(size - side + 1);
                int y = rng.nextInt(size - side + 1);
                if (overlaps(squares, x, y, side)) {
                    continue;
                }
                int label = rng.nextInt(CLASS_NAMES.size());
                boolean[] inside = rasterize(label, x, y, side, size);
                float brightness = (float) (0.6 + 0.4 * rng.nextDouble());
                int x1 = size;
                int y1 = size;
                int x2 = -1;
                int y2 = -1;
                for (int r = 0; r < size; r++) {
                    for (int c = 0; c < size; c++) {
                        if (inside[r * size + c]) {
                            img[off + r * size + c] = Math.min(1f, brightness + (float) (noise * rng.nextDouble()));
                            mask[off + r * size + c] = label + 1;
                            x1 = Math.min(x1, c);
                            y1 = Math.min(y1, r);
                            x2 = Math.max(x2, c + 1);
                            y2 = Math.max(y2, r + 1);
                        }
                    }
                }
                squares.add(new int[] {x, y, side});
                placed.add(new ShapeObject(label, x1, y1, x2, y2));
            }
            all.add(List.copyOf(placed));
        }
        return new Shapes(size,
                Nd4j.create(img, new long[] {n, 1, size, size}, DataType.FLOAT),
                Nd4j.create(mask, new long[] {n, size, size}, DataType.FLOAT),
                List.copyOf(all));
    }

    /** The placement squares must keep one pixel of background between objects. */
    private static boolean overlaps(List<int[]> squares, int x, int y, int side) {
        for (int[] s : squares) {
            boolean apart = x + side + 1 <= s[0] || s[0] + s[2] + 1 <= x || y + side + 1 <= s[1] || s[1] + s[2] + 1 <= y;
            if (!apart) {
                return true;
            }
        }
        return false;
    }

    /** Which pixels of a size x size image have their centre inside the shape. */
    static boolean[] rasterize(int label, int x, int y, int side, int size) {
        boolean[] inside = new boolean[size * size];
        double cx = x + side / 2.0;
        double cy = y + side / 2.0;
        double radius = side / 2.0;
        for (int r = y; r < y + side; r++) {
            for (int c = x; c < x + side; c++) {
                double px = c + 0.5;
                double py = r + 0.5;
                boolean in = switch (label) {
                    case SQUARE -> true;
                    case CIRCLE -> (px - cx) * (px - cx) + (py - cy) * (py - cy) <= radius * radius;
                    case TRIANGLE -> {
                        // below the two slanted edges from the apex (cx, y) to (x, y+side) and (x+side, y+side)
                        double depth = (py - y) / side;   // 0 at the apex, 1 at the base
                        yield Math.abs(px - cx) <= depth * side / 2.0;
                    }
                    default -> throw new IllegalArgumentException("Shapes: unknown class " + label);
                };
                inside[r * size + c] = in;
            }
        }
        return inside;
    }

    public int size() {
        return objects.size();
    }

    /** Image side S in pixels. */
    public int imageSize() {
        return size;
    }

    /** Images [N, 1, S, S]. */
    public INDArray images() {
        return images;
    }

    /** Segmentation targets [N, S, S]: 0 background, 1 + class on the objects. */
    public INDArray masks() {
        return masks;
    }

    /** The objects of image i. */
    public List<ShapeObject> objects(int i) {
        return objects.get(Dataset.checkIndex("Shapes.objects", i, objects.size()));
    }

    /** Class of the first object of every image (the only one with maxObjects = 1). */
    public int[] labels() {
        return objects.stream().mapToInt(o -> o.get(0).label()).toArray();
    }

    /** Boxes [N, 4] of the first object of every image, in pixels. */
    public INDArray boxes() {
        float[] b = new float[objects.size() * 4];
        for (int i = 0; i < objects.size(); i++) {
            System.arraycopy(objects.get(i).get(0).box(), 0, b, 4 * i, 4);
        }
        return Nd4j.create(b, new long[] {objects.size(), 4}, DataType.FLOAT);
    }

    /** Images with the class of their first object, for classification. */
    public ArrayDataset dataset() {
        return ArrayDataset.of(images, labels(), CLASS_NAMES);
    }

    /** Images with the first object's box divided by S (coordinates in [0, 1]), for localization. */
    public ArrayDataset boxDataset() {
        return ArrayDataset.of(images, boxes().divi(size));
    }

    /** Images with their [N, S, S] masks as per-pixel class ids (0 = background), for segmentation. */
    public ArrayDataset maskDataset() {
        return ArrayDataset.of(images, masks, List.of("background", "circle", "square", "triangle"));
    }

    @Override
    public String toString() {
        int count = objects.stream().mapToInt(List::size).sum();
        return "Shapes(" + objects.size() + " images " + size + "x" + size + ", " + count + " objects, classes "
                + CLASS_NAMES + ")";
    }

    /** Instance mask of object j of image i: [S, S] with 1 on its pixels. */
    public INDArray objectMask(int i, int j) {
        ShapeObject o = objects(i).get(j);
        INDArray m = masks.slice(i);
        float[] all = m.dup('c').data().asFloat();
        float[] out = new float[size * size];
        for (int r = o.y1(); r < o.y2(); r++) {
            for (int c = o.x1(); c < o.x2(); c++) {
                out[r * size + c] = all[r * size + c] == o.label() + 1 ? 1f : 0f;
            }
        }
        return Nd4j.create(out, new long[] {size, size}, DataType.FLOAT);
    }

    /** How many objects of each class the images hold. */
    public int[] objectsPerClass() {
        int[] counts = new int[CLASS_NAMES.size()];
        for (List<ShapeObject> list : objects) {
            for (ShapeObject o : list) {
                counts[o.label()]++;
            }
        }
        return counts;
    }
}
