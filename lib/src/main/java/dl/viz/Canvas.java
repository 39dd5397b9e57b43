package dl.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** A white RGB image with an antialiased Graphics2D, plus the few text helpers pictures need. */
final class Canvas {

    final BufferedImage image;
    final Graphics2D g;

    Canvas(int width, int height) {
        if (width <= 0 || height <= 0 || (long) width * height > 50_000_000L) {
            throw new IllegalArgumentException("picture size must be positive and below 50 megapixels, got "
                    + width + "x" + height);
        }
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
    }

    /** Releases the graphics and returns the image. */
    BufferedImage finish() {
        g.dispose();
        return image;
    }

    /** Draws {@code text} centred on {@code centerX}, shortened with "…" to fit {@code maxWidth}. */
    void centered(String text, Font font, Color color, int centerX, int baseline, int maxWidth) {
        g.setFont(font);
        g.setColor(color);
        FontMetrics fm = g.getFontMetrics();
        String shown = fit(text, fm, maxWidth);
        g.drawString(shown, centerX - fm.stringWidth(shown) / 2, baseline);
    }

    /** Draws {@code text} starting at x. */
    void left(String text, Font font, Color color, int x, int baseline) {
        g.setFont(font);
        g.setColor(color);
        g.drawString(text, x, baseline);
    }

    int textWidth(String text, Font font) {
        return g.getFontMetrics(font).stringWidth(text);
    }

    /** Line height (ascent + descent + leading) of a font. */
    static int lineHeight(Font font) {
        return scratchMetrics(font).getHeight();
    }

    static int ascent(Font font) {
        return scratchMetrics(font).getAscent();
    }

    static int width(String text, Font font) {
        return scratchMetrics(font).stringWidth(text);
    }

    /** The longest prefix of {@code text} plus "…" that fits in {@code maxWidth} pixels. */
    static String fit(String text, FontMetrics fm, int maxWidth) {
        if (fm.stringWidth(text) <= maxWidth) {
            return text;
        }
        String ellipsis = "…";
        int end = text.length();
        while (end > 0 && fm.stringWidth(text.substring(0, end) + ellipsis) > maxWidth) {
            end--;
        }
        return end == 0 ? "" : text.substring(0, end) + ellipsis;
    }

    private static final BufferedImage SCRATCH = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);

    private static synchronized FontMetrics scratchMetrics(Font font) {
        Graphics2D sg = SCRATCH.createGraphics();
        sg.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        sg.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        FontMetrics fm = sg.getFontMetrics(font);
        sg.dispose();
        return fm;
    }
}
