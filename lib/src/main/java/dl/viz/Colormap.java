package dl.viz;

import java.awt.Color;

/**
 * Maps a number t in [0, 1] to a colour by linear interpolation between a few anchor colours.
 * Used for single-channel images, feature maps, filters and loss surfaces.
 */
public enum Colormap {
    /** Black to white: plain grayscale images. */
    GRAY(0x000000, 0xffffff),
    /** White to black: digits drawn dark on white, as on paper. */
    GRAY_INVERTED(0xffffff, 0x000000),
    /** Dark violet, blue, teal, green, yellow: perceptually ordered, for feature maps and surfaces. */
    VIRIDIS(0x440154, 0x3b528b, 0x21918c, 0x5ec962, 0xfde725),
    /** Blue, white, red: signed values such as filter weights, white at the middle. */
    BLUE_WHITE_RED(0x2166ac, 0x67a9cf, 0xf7f7f7, 0xef8a62, 0xb2182b),
    /** White to dark blue: counts and weights with values written on top. */
    BLUES(0xf7fbff, 0xc6dbef, 0x6baed6, 0x2171b5, 0x08306b);

    private final int[] anchors;

    Colormap(int... anchors) {
        this.anchors = anchors;
    }

    /** Packed 0xRRGGBB colour for t (clamped to [0, 1]; NaN gives mid gray). */
    public int rgb(double t) {
        if (Double.isNaN(t)) {
            return 0x808080;
        }
        double clamped = Math.max(0, Math.min(1, t));
        double position = clamped * (anchors.length - 1);
        int i = Math.min((int) position, anchors.length - 2);
        double f = position - i;
        int a = anchors[i];
        int b = anchors[i + 1];
        return (lerp(a >> 16, b >> 16, f) << 16) | (lerp(a >> 8, b >> 8, f) << 8) | lerp(a, b, f);
    }

    /** The colour for t as a {@link Color}. */
    public Color color(double t) {
        return new Color(rgb(t));
    }

    /** The anchor colours, low to high (for XChart's heatmap range colours). */
    Color[] anchorColors() {
        Color[] colors = new Color[anchors.length];
        for (int i = 0; i < anchors.length; i++) {
            colors[i] = new Color(anchors[i]);
        }
        return colors;
    }

    private static int lerp(int a, int b, double f) {
        int ca = a & 0xff;
        int cb = b & 0xff;
        return (int) Math.round(ca + (cb - ca) * f);
    }
}
