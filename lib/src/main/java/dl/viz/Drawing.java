package dl.viz;

import dl.display.ImageDisplayable;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * A picture drawn with Java2D (image grids, boxes, masks, chart grids): the kernel shows it
 * as a PNG through {@link ImageDisplayable#toImage()}. Each call of {@code toImage()} draws
 * afresh from the current settings, so a builder can be changed and shown again.
 */
public abstract class Drawing implements ImageDisplayable {

    /** Draws the picture; the same settings always give the same pixels. */
    @Override
    public abstract BufferedImage toImage();

    /** The picture drawn now, as an immutable {@link Picture}. */
    public Picture picture() {
        return new Picture(toImage());
    }

    /** Writes the picture as PNG (atomically) and returns the absolute path. */
    public Path save(Path path) {
        return Png.save(toImage(), path);
    }

    /** PNG bytes of the picture. */
    public byte[] png() {
        return Png.bytes(toImage());
    }
}
