package dl.kernel.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** PNG encoding for Jupyter's image/png (base64 text). */
final class Png {

    private Png() {}

    static byte[] chartBytes(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the chart as PNG", e);
        }
    }

    static byte[] imageBytes(BufferedImage image) {
        if (image == null) {
            throw new IllegalArgumentException("cannot show a null image (toImage() returned null)");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalArgumentException("no PNG writer for image type " + image.getType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the image as PNG", e);
        }
        return bytes.toByteArray();
    }

    static String base64(byte[] png) {
        return Base64.getEncoder().encodeToString(png);
    }
}
