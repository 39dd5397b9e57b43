package dl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.Table;

/** Loaders of real data from Debian packages; expected numbers come from /usr/bin/python3 reading the same files. */
class RealDataTest {

    private static void assumePresent(PinnedFile f, String pkg) {
        assumeTrue(f.exists(), f.path() + " is missing: Debian's " + pkg + " is not installed (apt-get install " + pkg
                + "); skipping");
    }

    @Test
    void samplePhotosDecodeLikePillow() {
        assumePresent(SamplePhotos.file("china"), SamplePhotos.DEBIAN_PACKAGE);
        INDArray china = SamplePhotos.china();
        assertArrayEquals(new long[] {3, 427, 640}, china.shape());
        // PIL: mean per channel [0.56753 0.57047 0.55262]; pixel (200, 300) = [0.1725 0.0941 0.0902]
        double[] mean = {0.56753, 0.57047, 0.55262};
        for (int c = 0; c < 3; c++) {
            assertEquals(mean[c], china.slice(c).castTo(DataType.DOUBLE).meanNumber().doubleValue(), 0.003, "channel " + c);
        }
        assertEquals(0.1725, china.getDouble(0, 200, 300), 0.02);
        assertEquals(0.0941, china.getDouble(1, 200, 300), 0.02);
        INDArray flower = SamplePhotos.flower();
        assertEquals(0.28855, flower.slice(1).castTo(DataType.DOUBLE).meanNumber().doubleValue(), 0.003);
        INDArray grey = ImageOps.grayscale(china);
        assertArrayEquals(new long[] {427, 640}, grey.shape());
        assertEquals(0.299 * 0.56753 + 0.587 * 0.57047 + 0.114 * 0.55262,
                grey.castTo(DataType.DOUBLE).meanNumber().doubleValue(), 0.003);
        assertThrows(IllegalArgumentException.class, () -> SamplePhotos.load("tiger"));
    }

    @Test
    void digitsHaveTheDocumentedClassCounts() {
        assumePresent(Digits.pinned(), Digits.DEBIAN_PACKAGE);
        Digits d = Digits.load();
        assertEquals(1797, d.size());
        assertArrayEquals(new long[] {1797, 8, 8}, d.images().shape());
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, d.dataset().classCounts());
        assertEquals(294 / 16.0, d.images().slice(0).sumNumber().doubleValue(), 1e-4);
        assertEquals(0.30526029, d.images().castTo(DataType.DOUBLE).meanNumber().doubleValue(), 1e-6);
        assertEquals(8, d.labels()[1796]);
        assertArrayEquals(new long[] {1797, 1, 8, 8}, d.imageDataset().x().shape());
    }

    @Test
    void digitsParserNamesTheBadLine() {
        String good = "0,".repeat(64) + "3\n";
        var e = assertThrows(DataFileException.class, () -> Digits.parse(good + "0,".repeat(64) + "12\n", "d.csv"));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("0..9"), e.getMessage());
        var n = assertThrows(DataFileException.class, () -> Digits.parse("1,2,3\n", "d.csv"));
        assertTrue(n.getMessage().contains("3 values, expected 65"), n.getMessage());
        assertEquals(3, Digits.parse(good, "d.csv").labels()[0]);
    }

    @Test
    void fortunesInFiveLanguages() {
        for (String lang : Fortunes.languages()) {
            assumeTrue(Fortunes.installed(lang), "Debian's " + Fortunes.packages(lang) + " not installed (apt-get install "
                    + String.join(" ", Fortunes.packages(lang)) + "); skipping");
        }
        assertEquals(List.of("en", "de", "ru", "es", "it"), Fortunes.languages());
        assertEquals(List.of("fortunes", "fortunes-min"), Fortunes.packages("en"));
        int[] expected = {15217, 18761, 20899, 10765, 8508};
        for (int i = 0; i < 5; i++) {
            String lang = Fortunes.languages().get(i);
            List<Fortune> all = Fortunes.load(lang);
            assertEquals(expected[i], all.size(), lang);
            assertTrue(all.stream().noneMatch(f -> f.text().contains("\b") || f.text().isBlank()), lang);
        }
        List<Fortune> witze = Fortunes.load("de", "witze");
        assertEquals(1070, witze.size());
        assertTrue(witze.get(0).text().startsWith("Der General soll kommen. Alles überschlägt sich."));
        assertEquals("witze", witze.get(0).category());
        List<Fortune> citates = Fortunes.load("ru", "citates");
        assertEquals(148, citates.size());
        assertTrue(citates.get(0).text().startsWith("Что сказал Берлиоз своей музыкой?"));
        assertTrue(Fortunes.categories("es").contains("vida"), "the .fortunes suffix is dropped");
        assertTrue(!Fortunes.categories("es").contains("racistas"), "the offensive section is left out");
        Table t = Fortunes.table("it");
        assertEquals(8508, t.rowCount());
        assertEquals(List.of("language", "category", "text"), t.columnNames());
    }

    @Test
    void fortuneParsingAndErrors() {
        assertEquals(List.of("one\nline two", "three"), Fortunes.parse("one\nline two\n%\nthree\n%\n\n%\n"));
        assertEquals(List.of("under"), Fortunes.parse("_\bu_\bn_\bd_\be_\br\n"));
        var lang = assertThrows(IllegalArgumentException.class, () -> Fortunes.load("xx"));
        assertTrue(lang.getMessage().contains("[en, de, ru, es, it]"), lang.getMessage());
        var cat = assertThrows(IllegalArgumentException.class, () -> Fortunes.load("de", "nope"));
        assertTrue(cat.getMessage().contains("witze"), cat.getMessage());
        PinnedFile gone = new PinnedFile("fortunes fr/amour", java.nio.file.Path.of("/nonexistent/fr/amour"), 10,
                "0".repeat(64), "");
        var missing = assertThrows(DataFileException.class,
                () -> Fortunes.read(List.of(new Fortunes.Entry("fr", "amour", "fortunes-fr", gone))));
        assertTrue(missing.getMessage().contains("sudo apt-get install fortunes-fr"), missing.getMessage());
    }

    @Test
    void vegaTimeSeries() {
        assumeTrue(Files.isDirectory(VegaDatasets.DIR), "Debian's python3-vega-datasets is not installed; skipping");
        Table w = VegaDatasets.seattleWeather();
        assertEquals(1461, w.rowCount());
        assertEquals(LocalDate.of(2012, 1, 1), w.dateColumn("date").get(0));
        assertEquals(12.8, w.doubleColumn("temp_max").get(0), 1e-9);
        assertEquals("drizzle", w.stringColumn("weather").get(0));
        assertEquals(16.43908282, Arrays.stream(VegaDatasets.series(w, "temp_max")).average().orElseThrow(), 1e-6);
        double[] aapl = VegaDatasets.stock("AAPL");
        assertEquals(123, aapl.length);
        assertEquals(25.94, aapl[0], 1e-9);
        assertEquals(223.02, aapl[122], 1e-9);
        assertEquals(560, VegaDatasets.stocks().rowCount());
        Table temps = VegaDatasets.seattleTemps();
        assertEquals(8759, temps.rowCount());
        assertEquals(52.02802831, temps.doubleColumn("temp").mean(), 1e-6);
        assertEquals(8759, VegaDatasets.sfTemps().rowCount());
        Table jobs = VegaDatasets.usEmployment();
        assertEquals(120, jobs.rowCount());
        assertEquals(135450, jobs.doubleColumn("nonfarm").get(0), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> VegaDatasets.stock("XYZ"));
        assertThrows(IllegalArgumentException.class, () -> VegaDatasets.series(w, "weather"));
    }

    @Test
    void slidingWindowsPairs() {
        double[] s = new double[100];
        for (int t = 0; t < 100; t++) {
            s[t] = t * t;
        }
        ArrayDataset d = SlidingWindows.of(s, 10, 1);
        assertEquals(90, d.size(), "TOPICS ch. 17: length 100, window 10 gives 90 pairs");
        assertArrayEquals(new float[] {25, 36, 49, 64, 81, 100, 121, 144, 169, 196}, d.x().getRow(5).toFloatVector());
        assertEquals(225f, d.y().getFloat(5, 0));
        ArrayDataset h = SlidingWindows.of(s, 3, 2);
        assertEquals(96, h.size());
        assertArrayEquals(new float[] {81, 100}, h.y().getRow(6).toFloatVector());
        assertThrows(IllegalArgumentException.class, () -> SlidingWindows.of(new double[5], 5, 1));
        s[40] = Double.NaN;
        var e = assertThrows(IllegalArgumentException.class, () -> SlidingWindows.of(s, 10, 1));
        assertTrue(e.getMessage().contains("NaN at index 40"), e.getMessage());
    }

    @Test
    void sineRecurrenceIsRecoveredByAWindowOfTwo() {
        // TOPICS ch. 17: x_t = 2 cos(w) x_{t-1} - x_{t-2}; least squares on window-2 pairs finds (-1, 1.990008)
        ArrayDataset d = SlidingWindows.of(NoisySine.series(300, 0.1, 0.0, 0), 2, 1);
        double[][] a = new double[2][2];
        double[] b = new double[2];
        for (int i = 0; i < d.size(); i++) {
            double x0 = d.x().getDouble(i, 0);
            double x1 = d.x().getDouble(i, 1);
            double y = d.y().getDouble(i, 0);
            a[0][0] += x0 * x0;
            a[0][1] += x0 * x1;
            a[1][1] += x1 * x1;
            b[0] += x0 * y;
            b[1] += x1 * y;
        }
        double det = a[0][0] * a[1][1] - a[0][1] * a[0][1];
        double w0 = (b[0] * a[1][1] - a[0][1] * b[1]) / det;
        double w1 = (a[0][0] * b[1] - a[0][1] * b[0]) / det;
        assertEquals(-1.0, w0, 1e-3);
        assertEquals(1.990008, w1, 1e-3);
    }
}
