package dl.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dl.display.ImageDisplayable;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Test helpers: render charts and pictures, and look at their pixels. */
final class Pixels {

    private Pixels() {}

    static BufferedImage render(Object o) {
        if (o instanceof Chart<?, ?> chart) {
            return BitmapEncoder.getBufferedImage(chart);
        }
        return ((ImageDisplayable) o).toImage();
    }

    static int[] argb(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** Size as expected and more than one colour. */
    static BufferedImage checkDrawn(Object o, int width, int height) {
        BufferedImage image = render(o);
        assertEquals(width, image.getWidth(), "width");
        assertEquals(height, image.getHeight(), "height");
        checkNotBlank(image);
        return image;
    }

    static void checkNotBlank(BufferedImage image) {
        int[] px = argb(image);
        for (int p : px) {
            if (p != px[0]) {
                return;
            }
        }
        fail("image is a single colour " + Integer.toHexString(px[0]));
    }

    /** Two renders of a fresh object from the same call give identical pixels. */
    static void checkDeterministic(Supplier<?> make) {
        BufferedImage a = render(make.get());
        BufferedImage b = render(make.get());
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        assertArrayEquals(argb(a), argb(b), "two renders differ");
        // and the same object painted twice
        Object o = make.get();
        assertArrayEquals(argb(render(o)), argb(render(o)), "repainting the same object differs");
    }

    static Color at(BufferedImage image, double x, double y) {
        return new Color(image.getRGB((int) Math.round(x), (int) Math.round(y)));
    }

    static boolean near(Color c, Color expected, int tolerance) {
        return Math.abs(c.getRed() - expected.getRed()) <= tolerance
                && Math.abs(c.getGreen() - expected.getGreen()) <= tolerance
                && Math.abs(c.getBlue() - expected.getBlue()) <= tolerance;
    }

    static void checkColor(BufferedImage image, double x, double y, Color expected, int tolerance) {
        Color c = at(image, x, y);
        assertTrue(near(c, expected, tolerance), "pixel (" + x + ", " + y + ") is " + c + ", expected " + expected);
    }

    /** True when some pixel within {@code radius} of (x, y) is within {@code tolerance} of the colour. */
    static boolean colorAround(BufferedImage image, double x, double y, int radius, Color expected, int tolerance) {
        int cx = (int) Math.round(x);
        int cy = (int) Math.round(y);
        return count(image, cx - radius, cy - radius, cx + radius + 1, cy + radius + 1,
                c -> near(c, expected, tolerance)) > 0;
    }

    /** Number of pixels in the rectangle that satisfy the test. */
    static int count(BufferedImage image, int x0, int y0, int x1, int y1, Predicate<Color> test) {
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(image.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(image.getWidth(), x1); x++) {
                if (test.test(new Color(image.getRGB(x, y)))) {
                    n++;
                }
            }
        }
        return n;
    }

    static boolean greenish(Color c) {
        return c.getGreen() > c.getRed() + 40 && c.getGreen() > c.getBlue() + 20;
    }

    static boolean reddish(Color c) {
        return c.getRed() > c.getGreen() + 60 && c.getRed() > c.getBlue() + 60;
    }

    static boolean dark(Color c) {
        return c.getRed() + c.getGreen() + c.getBlue() < 300;
    }

    /** (1 - t) a + t b per channel, rounded: the blend a test expects, computed by hand. */
    static Color blend(Color a, Color b, double t) {
        return new Color(
                (int) Math.round((1 - t) * a.getRed() + t * b.getRed()),
                (int) Math.round((1 - t) * a.getGreen() + t * b.getGreen()),
                (int) Math.round((1 - t) * a.getBlue() + t * b.getBlue()));
    }

    /** The message of the IllegalArgumentException thrown by {@code call}. */
    static String errorOf(Runnable call) {
        try {
            call.run();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        fail("expected an IllegalArgumentException");
        return null;
    }

    static void checkError(Runnable call, String... parts) {
        String message = errorOf(call);
        for (String part : parts) {
            assertTrue(message.contains(part), "message \"" + message + "\" should contain \"" + part + "\"");
        }
    }
}
