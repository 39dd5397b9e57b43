package dl.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small pieces under the pictures: contours, number labels, colour maps, palette. */
class InternalsTest {

    @Test
    void contourOfARampIsAStraightLine() {
        // v(i, j) = i on a 3×3 grid: the level 0.5 is the vertical line i = 0.5, one segment per row of cells
        double[] v = {0, 1, 2, 0, 1, 2, 0, 1, 2};
        List<double[]> segments = Contours.segments(v, 3, 3, 0.5);
        assertEquals(2, segments.size());
        for (double[] s : segments) {
            assertEquals(0.5, s[0], 1e-12);
            assertEquals(0.5, s[2], 1e-12);
            assertEquals(1.0, Math.abs(s[3] - s[1]), 1e-12, "each segment crosses one cell");
        }
        // level 1.5 interpolates between 1 and 2
        assertEquals(1.5, Contours.segments(v, 3, 3, 1.5).get(0)[0], 1e-12);
        // no crossing outside the range
        assertEquals(0, Contours.segments(v, 3, 3, 5).size());
    }

    @Test
    void saddleCellGivesTwoSegments() {
        // corners a = 1 (0,0), b = 0 (1,0), c = 1 (1,1), d = 0 (0,1): centre 0.5 >= 0.5 joins a and c
        double[] v = {1, 0, 0, 1};
        List<double[]> segments = Contours.segments(v, 2, 2, 0.5);
        assertEquals(2, segments.size());
        // first segment cuts off corner b: from the bottom edge (0.5, 0) to the right edge (1, 0.5)
        assertArrayEquals(new double[] {0.5, 0, 1, 0.5}, segments.get(0), 1e-12);
    }

    @Test
    void compactNumbers() {
        assertEquals("0", Numbers.compact(0));
        assertEquals("2.5", Numbers.compact(2.5));
        assertEquals("0.0677", Numbers.compact(0.067702986267239));
        assertEquals("-0.9961", Numbers.compact(-0.996078382127684));
        assertEquals("48120", Numbers.compact(48120));
        assertEquals("0.3", Numbers.compact(0.1 + 0.2));
        assertEquals("1e-5", Numbers.compact(1e-5));
        assertEquals("-2.5e7", Numbers.compact(-2.5e7));
    }

    @Test
    void colormapsInterpolateTheirAnchors() {
        assertEquals(0x000000, Colormap.GRAY.rgb(0));
        assertEquals(0xffffff, Colormap.GRAY.rgb(1));
        assertEquals(0x808080, Colormap.GRAY.rgb(0.5), "127.5 rounds to 128");
        assertEquals(0xffffff, Colormap.GRAY.rgb(7), "clamped");
        assertEquals(0x440154, Colormap.VIRIDIS.rgb(0));
        assertEquals(0xfde725, Colormap.VIRIDIS.rgb(1));
        assertEquals(0x21918c, Colormap.VIRIDIS.rgb(0.5), "middle anchor of five");
        assertEquals(0xf7f7f7, Colormap.BLUE_WHITE_RED.rgb(0.5), "zero is white-ish");
        assertEquals(0x808080, Colormap.VIRIDIS.rgb(Double.NaN));
    }

    @Test
    void paletteIsFixedAndUnbounded() {
        assertEquals(new Color(0x1f77b4), Palette.color(0));
        assertEquals(new Color(0x17becf), Palette.color(9));
        assertEquals(Palette.color(25), Palette.color(25), "the same colour every time");
        assertEquals(new Color(0xffffff), Palette.lighter(Color.BLACK, 1));
        assertEquals(Palette.TEXT, Palette.textOn(Color.WHITE));
        assertEquals(Color.WHITE, Palette.textOn(new Color(0x08306b)));
        Pixels.checkError(() -> Palette.color(-1), "index must be >= 0");
    }
}
