package dl.viz;

import java.awt.image.BufferedImage;

/** A finished picture: one image, shown by the kernel as PNG and saved with {@link #save}. */
public final class Picture extends Drawing {

    private final BufferedImage image;

    Picture(BufferedImage image) {
        if (image == null) {
            throw new IllegalArgumentException("Picture: image is null");
        }
        this.image = image;
    }

    /** Wraps an existing image (not copied). */
    public static Picture of(BufferedImage image) {
        return new Picture(image);
    }

    @Override
    public BufferedImage toImage() {
        return image;
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }

    @Override
    public String toString() {
        return "Picture(" + width() + "x" + height() + ")";
    }
}
