package dl.viz;

import static dl.viz.Pixels.checkDeterministic;
import static dl.viz.Pixels.checkDrawn;
import static dl.viz.Pixels.checkError;
import static dl.viz.Pixels.count;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Java2D pictures: image grids, filters, feature maps, boxes, masks, figures, saving. */
class PicturesTest {

    /** Two 2×2 images: a checkerboard (0 1 / 1 0) and its inverse. */
    private static INDArray checkerboards() {
        return Nd4j.createFromArray(new float[][][] {{{0, 1}, {1, 0}}, {{1, 0}, {0, 1}}});
    }

    @Test
    void imageGridLayoutAndPixels() {
        ImageGrid grid = Plot.images(checkerboards());
        // side 2 px, zoomed by round(84 / 2) = 42: tiles of 84 px; width = 2·10 + 2·84 + 8, height = 2·10 + 84
        BufferedImage image = checkDrawn(grid, 196, 104);
        int tile = 84;
        Pixels.checkColor(image, 10 + 10, 10 + 10, Color.BLACK, 0);            // image 0, pixel (0, 0) = 0
        Pixels.checkColor(image, 10 + 42 + 10, 10 + 10, Color.WHITE, 0);       // image 0, pixel (1, 0) = 1
        Pixels.checkColor(image, 10 + tile + 8 + 10, 10 + 10, Color.WHITE, 0); // image 1, pixel (0, 0) = 1
    }

    @Test
    void flatImagesNeedTheirSize() {
        INDArray flat = Nd4j.rand(DataType.FLOAT, 3, 12);
        assertEquals(3, Plot.images(flat, 3, 4).count());
        checkError(() -> Plot.images(flat), "are flat", "Plot.images(x, 28, 28)");
        checkError(() -> Plot.images(Nd4j.rand(DataType.FLOAT, 3, 5), 2, 2),
                "5 values per image", "H*W = 2*2 = 4");
        checkError(() -> Plot.images(Nd4j.rand(DataType.FLOAT, 2, 5, 4, 4)), "C = 1 or 3", "[2, 5, 4, 4]");
        checkError(() -> Plot.images(Nd4j.rand(DataType.FLOAT, 4)), "rank 1");
        // RGB, channels first or last
        assertEquals(2, Plot.images(Nd4j.rand(DataType.FLOAT, 2, 3, 4, 4)).count());
        assertEquals(2, Plot.images(Nd4j.rand(DataType.FLOAT, 2, 4, 4, 3)).count());
    }

    @Test
    void predictionsAreMarkedRightAndWrong() {
        INDArray images = Nd4j.zeros(DataType.FLOAT, 2, 28, 28);
        ImageGrid grid = Plot.images(images).classNames("zero", "one").predictions(new int[] {1, 0}, new int[] {1, 1});
        assertEquals(List.of("✓ one"), grid.captionText(0));
        assertEquals(List.of("✗ zero", "true: one"), grid.captionText(1));
        BufferedImage image = Pixels.render(grid);
        // tiles of 28·3 = 84 px plus a 3 px border: cells 90 wide, captions below y = 10 + 90
        int captionTop = 10 + 90;
        int greenLeft = count(image, 10, captionTop, 100, image.getHeight(), Pixels::greenish);
        int redLeft = count(image, 10, captionTop, 100, image.getHeight(), Pixels::reddish);
        int greenRight = count(image, 108, captionTop, 198, image.getHeight(), Pixels::greenish);
        int redRight = count(image, 108, captionTop, 198, image.getHeight(), Pixels::reddish);
        assertTrue(greenLeft > 10 && redLeft == 0, "right prediction: green caption (" + greenLeft + ", " + redLeft + ")");
        assertTrue(redRight > 10 && greenRight == 0, "wrong prediction: red caption (" + redRight + ", " + greenRight + ")");
        // borders: the pixel just left of each image has the mark colour
        Pixels.checkColor(image, 11, 50, Palette.RIGHT, 8);
        Pixels.checkColor(image, 109, 50, Palette.WRONG, 8);
        checkError(() -> Plot.images(images).predictions(new int[] {0}, new int[] {0, 1}), "predicted and images", "1 and 2");
        checkError(() -> Plot.images(images).classNames("zero").labels(new int[] {0, 1}), "labels[1] = 1", "only 1 class names");
    }

    @Test
    void scalingModes() {
        INDArray one = Nd4j.createFromArray(new float[][][] {{{10, 20}}});
        // auto: values within [0, 255] map from 0..255, so 20 is dark
        Color autoBright = Pixels.at(Pixels.render(Plot.images(one)), 10 + 84 - 5, 15);
        assertEquals(20, autoBright.getRed(), 1, "20/255 of white");
        // each image on its own range: 20 is white, 10 black
        BufferedImage each = Pixels.render(Plot.images(one).normalizeEach());
        Pixels.checkColor(each, 15, 15, Color.BLACK, 0);
        Pixels.checkColor(each, 10 + 84 - 5, 15, Color.WHITE, 0);
        // symmetric: [-20, 20], so 10 sits at t = 3/4, the fourth of the five anchors (#ef8a62),
        // and 20 at t = 1, the last one (#b2182b)
        BufferedImage sym = Pixels.render(Plot.images(one).symmetricEach().colormap(Colormap.BLUE_WHITE_RED));
        Pixels.checkColor(sym, 15, 15, new Color(0xef8a62), 0);
        Pixels.checkColor(sym, 10 + 84 - 5, 15, new Color(0xb2182b), 0);
        checkError(() -> Plot.images(one).range(1, 1), "from < to");
    }

    @Test
    void filtersAndFeatureMaps() {
        ImageGrid rgb = Plot.filters(Nd4j.randn(DataType.FLOAT, 4, 3, 3, 3));
        assertEquals(4, rgb.count());
        ImageGrid perChannel = Plot.filters(Nd4j.randn(DataType.FLOAT, 4, 2, 3, 3));
        assertEquals(8, perChannel.count(), "one map per (filter, input channel)");
        Pixels.checkNotBlank(Pixels.render(perChannel));
        ImageGrid maps = Plot.featureMaps(Nd4j.rand(DataType.FLOAT, 1, 5, 6, 6));
        assertEquals(5, maps.count());
        assertEquals(List.of("4"), maps.captionText(4));
        checkError(() -> Plot.featureMaps(Nd4j.rand(DataType.FLOAT, 2, 5, 6, 6)), "one input", "maps.slice(0)");
        checkError(() -> Plot.filters(Nd4j.rand(DataType.FLOAT, 4, 4)), "[K, C, kh, kw]", "[4, 4]");
    }

    @Test
    void boxesAreDrawnInTheirClassColour() {
        INDArray black = Nd4j.zeros(DataType.FLOAT, 10, 10);
        BoxPicture p = Plot.boxes(black).box(2, 2, 8, 8, 1, 0.9).classNames("cat", "dog");
        // 10 px image zoomed by ceil(320 / 10) = 32, drawn at (10, 10): 320 + 2·10 square
        BufferedImage image = checkDrawn(p, 340, 340);
        assertEquals(32.0, p.effectiveScale());
        // left edge of the box at x = 10 + 2·32 = 74, halfway down
        Pixels.checkColor(image, 74, 10 + 5 * 32, new Color(0xff7f0e), 2);
        // inside the box the image is untouched
        Pixels.checkColor(image, 10 + 5 * 32, 10 + 5 * 32, Color.BLACK, 0);
        // the tag above the box is filled with the class colour
        Pixels.checkColor(image, 76, 74 - 4, new Color(0xff7f0e), 2);
        // a YOLO grid of 2×2 cells adds a light line through the middle
        BufferedImage withGrid = Pixels.render(Plot.boxes(black).grid(2));
        assertTrue(Pixels.at(withGrid, 10 + 160, 20).getRed() > 100, "grid line at x = 170");
    }

    @Test
    void boxErrors() {
        INDArray image = Nd4j.zeros(DataType.FLOAT, 10, 10);
        checkError(() -> Plot.boxes(image).box(8, 2, 2, 8, 0), "box 0", "x1 < x2", "[8.0, 2.0, 2.0, 8.0]");
        checkError(() -> Plot.boxes(image).boxes(new double[][] {{1, 1, 3}}, new int[] {0}), "box 0 must be [x1, y1, x2, y2]");
        checkError(() -> Plot.boxes(image).boxes(Nd4j.zeros(2, 5), new int[] {0, 0}, null), "[K, 4]", "[2, 5]");
        checkError(() -> Plot.boxes(image).box(1, 1, 3, 3, 2).classNames("a", "b"), "box classes[0] = 2");
        checkError(() -> Plot.boxes(Nd4j.zeros(DataType.FLOAT, 5, 10, 10)), "image must have shape", "[5, 10, 10]");
        assertEquals(1, Plot.boxes(20, 10).box(1, 1, 5, 5, 0).count());
    }

    @Test
    void maskBlendsClassColoursOverTheImage() {
        INDArray gray = Nd4j.valueArrayOf(new long[] {4, 4}, 0.5f);
        int[][] mask = new int[4][4];
        mask[0][0] = 1;
        mask[0][1] = 1;
        MaskPicture p = Plot.mask(gray, mask).classNames("background", "cell");
        BufferedImage image = Pixels.render(p);
        double s = p.effectiveScale();   // ceil(320 / 4) = 80
        assertEquals(80.0, s);
        Color base = new Color(128, 128, 128);   // 0.5 of 255, rounded
        // masked pixel (0, 0): half image, half the colour of class 1
        Pixels.checkColor(image, 10 + 40, 10 + 40, Pixels.blend(base, new Color(0xff7f0e), 0.5), 1);
        // unmasked pixel (3, 3) keeps the image colour
        Pixels.checkColor(image, 10 + 3 * 80 + 40, 10 + 3 * 80 + 40, base, 0);
        assertTrue(image.getHeight() > 10 + 320 + 10, "legend below the image");
        // scores [C, H, W] are reduced by argmax
        INDArray scores = Nd4j.zeros(DataType.FLOAT, 3, 4, 4);
        scores.putScalar(new long[] {2, 1, 1}, 5f);
        BufferedImage fromScores = Pixels.render(Plot.mask(gray, scores).alpha(1));
        Pixels.checkColor(fromScores, 10 + 80 + 40, 10 + 80 + 40, new Color(0x2ca02c), 0);
        Pixels.checkColor(fromScores, 10 + 40, 10 + 40, base, 0);
    }

    @Test
    void maskErrors() {
        INDArray gray = Nd4j.zeros(DataType.FLOAT, 4, 4);
        checkError(() -> Plot.mask(gray, new int[3][4]), "mask is 3×4", "image is 4×4");
        checkError(() -> Plot.mask(gray, Nd4j.valueArrayOf(new long[] {4, 4}, 0.5f)), "class ids", "0.5");
        checkError(() -> Plot.mask(gray, new int[4][4]).alpha(1.5), "alpha must be in [0, 1]", "1.5");
        checkError(() -> Plot.mask(gray, new int[][] {{0, 1, 2, 3}, {0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}})
                .classNames("a", "b"), "mask[2] = 2", "only 2 class names");
        checkError(() -> Plot.mask(Nd4j.zeros(2, 3, 4, 4)), "mask must have shape", "[2, 3, 4, 4]");
    }

    @Test
    void figureLaysPanelsOutInRows() {
        XYChart small = Plot.line("a", "x", "y").size(300, 200).series("s", new double[] {1, 2});
        Picture square = Picture.of(new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB));
        Figure f = Plot.figure(2, small, square, small);
        // columns as wide as their widest panel, rows as high as their highest: (300 + 6 + 100) × (200 + 6 + 200)
        checkDrawn(f, 406, 406);
        XYChart back = f.panel(0);
        assertTrue(back == small);
        checkError(() -> Plot.figure(2, small, "text"), "panel 1", "java.lang.String");
        checkError(() -> f.panel(3), "index 3 out of range", "3 panels");
    }

    @Test
    void saveWritesThePictureAtomically(@TempDir Path dir) throws Exception {
        ImageGrid grid = Plot.images(checkerboards());
        Path target = grid.save(dir.resolve("sub/grid.png"));
        BufferedImage back = ImageIO.read(target.toFile());
        assertArrayEquals(Pixels.argb(grid.toImage()), Pixels.argb(back), "saved PNG has the drawn pixels");
        Path chart = Plot.save(Plot.bars("b", new String[] {"a"}, new double[] {1}), dir.resolve("bars.png"));
        assertEquals(640, ImageIO.read(chart.toFile()).getWidth());
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(0, files.filter(f -> f.toString().endsWith(".tmp")).count(), "no temporary files left");
        }
        checkError(() -> Plot.save("text", dir.resolve("x.png")), "expected an XChart chart");
    }

    @Test
    void picturesRenderTheSamePixelsEveryTime() {
        INDArray images = Nd4j.linspace(0, 1, 2 * 5 * 5, DataType.FLOAT).reshape(2, 5, 5);
        checkDeterministic(() -> Plot.images(images).captions("a", "b").title("t"));
        checkDeterministic(() -> Plot.images(images).predictions(new int[] {0, 1}, new int[] {0, 0}));
        checkDeterministic(() -> Plot.boxes(images.slice(0)).box(1, 1, 3, 3, 0, 0.5).grid(5).title("b"));
        checkDeterministic(() -> Plot.mask(images.slice(0), new int[][] {{0, 1, 1, 0, 0}, {0, 1, 1, 0, 0},
                {0, 0, 0, 2, 2}, {0, 0, 0, 2, 2}, {0, 0, 0, 0, 0}}).classNames("bg", "a", "b"));
        checkDeterministic(() -> Plot.row(Plot.images(images), Plot.bars("b", new String[] {"a"}, new double[] {1})));
    }
}
