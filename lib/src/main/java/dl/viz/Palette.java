package dl.viz;

import java.awt.Color;

/**
 * Fixed colours, so the same class or series gets the same colour in every picture.
 *
 * <p>The first ten are the "Tableau 10" colours that most deep-learning plots use; further
 * indices get hues spaced by the golden angle, so any number of classes stays distinguishable.
 */
public final class Palette {

    private static final int[] TABLEAU = {
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
        0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf
    };

    /** Caption and border colour of a correct prediction (a green dark enough for white text). */
    public static final Color RIGHT = new Color(0x1a7f37);
    /** Caption and border colour of a wrong prediction. */
    public static final Color WRONG = new Color(0xcf222e);
    /** Text colour of captions and labels. */
    public static final Color TEXT = new Color(0x222222);

    private Palette() {}

    /** Colour number {@code index} (0-based, any non-negative index). */
    public static Color color(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("Palette.color: index must be >= 0, got " + index);
        }
        if (index < TABLEAU.length) {
            return new Color(TABLEAU[index]);
        }
        float hue = (float) (((index - TABLEAU.length) * 0.618033988749895 + 0.11) % 1.0);
        float brightness = (index % 2 == 0) ? 0.75f : 0.58f;
        return Color.getHSBColor(hue, 0.65f, brightness);
    }

    /** The first {@code n} colours. */
    static Color[] colors(int n) {
        Color[] colors = new Color[n];
        for (int i = 0; i < n; i++) {
            colors[i] = color(i);
        }
        return colors;
    }

    /** {@code c} mixed with white: 0 keeps the colour, 1 gives white. */
    static Color lighter(Color c, double amount) {
        return mix(c, Color.WHITE, amount);
    }

    /** (1 - t) a + t b per channel. */
    static Color mix(Color a, Color b, double t) {
        return new Color(
                channel(a.getRed(), b.getRed(), t),
                channel(a.getGreen(), b.getGreen(), t),
                channel(a.getBlue(), b.getBlue(), t));
    }

    /** Same colour with the given opacity (0..255). */
    static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** Black or white, whichever reads better on {@code background} (by perceived luminance). */
    static Color textOn(Color background) {
        double luminance = 0.299 * background.getRed() + 0.587 * background.getGreen() + 0.114 * background.getBlue();
        return luminance > 150 ? TEXT : Color.WHITE;
    }

    private static int channel(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }
}
