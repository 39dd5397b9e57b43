package dl.kernel.render;

import static org.junit.jupiter.api.Assertions.*;

import dl.display.HtmlDisplayable;
import dl.display.ImageDisplayable;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class RenderersTest {

    private final Renderers renderers = new Renderers();

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static String text(DisplayData d) {
        return (String) d.getData(MIMEType.TEXT_PLAIN);
    }

    private static String html(DisplayData d) {
        return (String) d.getData(MIMEType.TEXT_HTML);
    }

    private static BufferedImage png(DisplayData d) throws IOException {
        Object data = d.getData(MIMEType.IMAGE_PNG);
        assertNotNull(data, "no image/png");
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode((String) data)));
    }

    private static void assertSamePixels(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertEquals(expected.getRGB(x, y) & 0xFFFFFF, actual.getRGB(x, y) & 0xFFFFFF, "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void chartBecomesAPngOfItsSizeWithATextFallback() throws IOException {
        XYChart chart = new XYChartBuilder().width(320).height(200).title("Loss").xAxisTitle("epoch").build();
        chart.addSeries("train", new double[] {1, 2, 3}, new double[] {0.9, 0.5, 0.2});
        DisplayData d = renderers.render(chart);
        BufferedImage image = png(d);
        assertSamePixels(BitmapEncoder.getBufferedImage(chart), image);
        assertEquals("XYChart \"Loss\" (320x200)", text(d));
    }

    @Test
    void tableBecomesAnEscapedHtmlTable() {
        Table t = Table.create("people",
                StringColumn.create("name", "<b>Ann</b>", "Bo & Co"),
                IntColumn.create("age", 31, 42));
        DisplayData d = renderers.render(t);
        String h = html(d);
        assertTrue(h.contains("<caption>people: 2 rows × 2 columns</caption>"), h);
        assertTrue(h.contains("<th>name</th><th>age</th>"), h);
        assertTrue(h.contains("<td>&lt;b&gt;Ann&lt;/b&gt;</td><td>31</td>"), h);
        assertTrue(h.contains("<td>Bo &amp; Co</td><td>42</td>"), h);
        assertFalse(h.contains("<b>"), "cell text must not become markup");
        assertTrue(text(d).contains("Bo & Co"), text(d));
    }

    @Test
    void longTableShowsTheFirstRowsAndCountsTheRest() {
        Table t = Table.create("squares", IntColumn.create("n", IntStream.range(0, 25).toArray()),
                IntColumn.create("n2", IntStream.range(0, 25).map(i -> i * i).toArray()));
        DisplayData d = renderers.render(t);
        String h = html(d);
        assertEquals(Renderers.TABLE_ROWS + 2, h.split("<tr>", -1).length - 1, "header + 20 rows + the 'more' row");
        assertTrue(h.contains("<td>19</td><td>361</td>"), h);
        assertFalse(h.contains("<td>20</td>"), h);
        assertTrue(h.contains("… 5 more rows"), h);
        String plain = text(d);
        assertTrue(plain.startsWith("squares: 25 rows × 2 columns"), plain);
        assertTrue(plain.endsWith("… 5 more rows"), plain);
        assertTrue(plain.contains("361") && !plain.contains("400"), plain);
    }

    @Test
    void matrixShowsShapeDtypeAndAlignedValues() {
        DisplayData d = renderers.render(Nd4j.createFromArray(new double[][] {{0.5, -1.25, 2}, {1, 0, 3.75}}));
        assertEquals("""
                INDArray float64 [2, 3]
                [[ 0.5000, -1.2500,  2.0000],
                 [ 1.0000,  0.0000,  3.7500]]""", text(d));
    }

    @Test
    void integralFloatsIntsAndScalars() {
        assertEquals("INDArray float32 [3]\n[1., 2., 3.]", NdArrayText.format(Nd4j.createFromArray(1f, 2f, 3f)));
        assertEquals("INDArray int32 [3]\n[  7, -12, 300]", NdArrayText.format(Nd4j.createFromArray(7, -12, 300)));
        assertEquals("INDArray float64 []\n3.5000", NdArrayText.format(Nd4j.scalar(3.5)));
        assertEquals("INDArray bool [2]\n[ true, false]", NdArrayText.format(Nd4j.createFromArray(true, false)));
        assertEquals("INDArray float64 [2]\n[1.0000e-05, 2.0000e+00]", NdArrayText.format(Nd4j.createFromArray(1e-5, 2.0)));
        assertEquals("INDArray float32 [0]\n[]", NdArrayText.format(Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, 0)));
    }

    @Test
    void threeDimensionsSeparateBlocksLikeNumpy() {
        int[][][] v = {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}};
        assertEquals("INDArray int32 [2, 2, 2]\n[[[1, 2],\n  [3, 4]],\n\n [[5, 6],\n  [7, 8]]]",
                NdArrayText.format(Nd4j.createFromArray(v)));
    }

    @Test
    void largeArraysAreSummarisedWithEdgeItems() {
        var a = Nd4j.arange(0, 2000).reshape(2, 1000);
        assertEquals("INDArray float32 [2, 1000]\n"
                + "[[   0.,    1.,    2., ...,  997.,  998.,  999.],\n"
                + " [1000., 1001., 1002., ..., 1997., 1998., 1999.]]", NdArrayText.format(a));
        var tall = Nd4j.arange(0, 3000).reshape(1000, 3).castTo(org.nd4j.linalg.api.buffer.DataType.INT);
        String s = NdArrayText.format(tall);
        assertTrue(s.startsWith("INDArray int32 [1000, 3]\n[[   0,    1,    2],\n [   3,    4,    5],\n [   6,    7,    8],\n ...,\n [2991, 2992, 2993],"), s);
    }

    @Test
    void bufferedImageRoundTripsAsPng() throws IOException {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xFF0000);
        img.setRGB(2, 1, 0x00FF00);
        img.setRGB(1, 1, 0x123456);
        DisplayData d = renderers.render(img);
        assertSamePixels(img, png(d));
        assertEquals("BufferedImage 3x2", text(d));
    }

    @Test
    void libraryDisplayablesUseTheirOwnHtmlOrImage() throws IOException {
        HtmlDisplayable summary = new HtmlDisplayable() {
            @Override
            public String toHtml() {
                return "<table><tr><td>Linear</td></tr></table>";
            }

            @Override
            public String toString() {
                return "Sequential(Linear)";
            }
        };
        DisplayData h = renderers.render(summary);
        assertEquals("<table><tr><td>Linear</td></tr></table>", html(h));
        assertEquals("Sequential(Linear)", text(h));

        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 3, 0xABCDEF);
        ImageDisplayable graph = () -> img;
        assertSamePixels(img, png(renderers.render(graph)));
    }

    @Test
    void plainValuesAreText() {
        assertEquals("hello <world>", text(renderers.render("hello <world>")));
        assertNull(renderers.render("x").getData(MIMEType.TEXT_HTML));
        assertEquals("null", text(renderers.render(null)));
        assertEquals("[1.0, 2.5]", text(renderers.render(new double[] {1, 2.5})));
        assertEquals("[[1, 2], [3]]", text(renderers.render(new int[][] {{1, 2}, {3}})));
        String big = text(renderers.render(IntStream.range(0, 150).toArray()));
        assertTrue(big.startsWith("[0, 1, 2,") && big.endsWith(", 99, … (150 elements)]"), big);
        assertEquals("42", text(renderers.render(42)));
    }
}
