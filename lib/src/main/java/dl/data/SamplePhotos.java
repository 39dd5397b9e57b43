package dl.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Two real colour photos (640 x 427 JPEG) bundled with scikit-learn, as packaged by Debian in
 * {@code python3-sklearn}: "china" (a temple) and "flower". Licence CC BY 2.0 (Flickr users
 * danielbuechele and vultilion, see the package's images/README.txt). Used to show what
 * convolution filters (edges, blur) do to a real picture.
 *
 * <p>Returned as [3, H, W] floats in [0, 1] (channels R, G, B).
 */
public final class SamplePhotos {

    public static final String DEBIAN_PACKAGE = "python3-sklearn";
    public static final Path DIR = Path.of("/usr/lib/python3/dist-packages/sklearn/datasets/images");
    public static final List<String> NAMES = List.of("china", "flower");

    private SamplePhotos() {}

    /** china.jpg as [3, 427, 640]. */
    public static INDArray china() {
        return load("china");
    }

    /** flower.jpg as [3, 427, 640]. */
    public static INDArray flower() {
        return load("flower");
    }

    /** A photo by name ("china" or "flower") as [3, H, W] in [0, 1]. */
    public static INDArray load(String name) {
        return toArray(image(name));
    }

    /** A photo by name as a Java image (checksum verified). */
    public static BufferedImage image(String name) {
        PinnedFile file = file(name);
        byte[] bytes = file.read();
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            if (img == null) {
                throw new DataFileException(file.path() + ": not an image ImageIO can decode");
            }
            return img;
        } catch (IOException e) {
            throw new DataFileException(file.path() + ": cannot decode the JPEG: " + e.getMessage(), e);
        }
    }

    /** An RGB image as [3, H, W] floats in [0, 1]. */
    public static INDArray toArray(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        int plane = w * h;
        float[] out = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            int p = argb[i];
            out[i] = ((p >> 16) & 0xFF) / 255f;
            out[plane + i] = ((p >> 8) & 0xFF) / 255f;
            out[2 * plane + i] = (p & 0xFF) / 255f;
        }
        return Nd4j.create(out, new long[] {3, h, w}, DataType.FLOAT);
    }

    static PinnedFile file(String name) {
        String hint = PinnedFile.debianHint(DEBIAN_PACKAGE);
        return switch (name) {
            case "china" -> new PinnedFile("sample photo china.jpg", DIR.resolve("china.jpg"), 196653,
                    "8378025ad2519d649d02e32bd98990db4ab572357d9f09841c2fbfbb4fefad29", hint);
            case "flower" -> new PinnedFile("sample photo flower.jpg", DIR.resolve("flower.jpg"), 142987,
                    "a77f6ec41e353afdf8bdff2ea981b2955535d8d83294f8cfa49cf4e423dd5638", hint);
            default -> throw new IllegalArgumentException("SamplePhotos: no photo '" + name + "'; the photos are " + NAMES);
        };
    }
}
