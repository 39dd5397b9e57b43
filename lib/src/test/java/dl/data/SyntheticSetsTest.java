package dl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class SyntheticSetsTest {

    @Test
    void truthTables() {
        assertArrayEquals(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, LogicGates.xor().x().dup('c').data().asFloat());
        assertArrayEquals(new int[] {0, 0, 0, 1}, LogicGates.and().labels());
        assertArrayEquals(new int[] {0, 1, 1, 1}, LogicGates.or().labels());
        assertArrayEquals(new int[] {0, 1, 1, 0}, LogicGates.xor().labels());
        assertArrayEquals(new int[] {1, 1, 1, 0}, LogicGates.nand().labels());
    }

    @Test
    void noisyGateKeepsLabelsAndStaysNearItsCorner() {
        ArrayDataset d = LogicGates.noisy(LogicGates.xor(), 50, 0.1, 1);
        assertEquals(200, d.size());
        assertArrayEquals(new int[] {100, 100}, d.classCounts());
        for (int i = 0; i < d.size(); i++) {
            float x1 = d.x().getFloat(i, 0);
            float x2 = d.x().getFloat(i, 1);
            int corner1 = x1 > 0.5 ? 1 : 0;
            int corner2 = x2 > 0.5 ? 1 : 0;
            assertEquals(corner1 ^ corner2, d.labels()[i], "row " + i);
        }
    }

    @Test
    void spiralClassesAreBalancedAndOnTheirArms() {
        int perClass = 100;
        ArrayDataset d = Spirals.of(perClass, 3, 0.5, 0.0, 9);
        assertEquals(300, d.size());
        assertArrayEquals(new int[] {100, 100, 100}, d.classCounts());
        // with no noise, point i of arm k has radius t = i / perClass and angle 2 pi k/3 + 0.5 * 2 pi t
        for (int row : new int[] {1, 57, 150, 299}) {
            int k = row / perClass;
            double t = (double) (row % perClass) / perClass;
            double x = d.x().getDouble(row, 0);
            double y = d.x().getDouble(row, 1);
            assertEquals(t, Math.hypot(x, y), 1e-6);
            double angle = Math.atan2(y, x);
            double expected = 2 * Math.PI * k / 3 + Math.PI * t;
            double diff = Math.IEEEremainder(angle - expected, 2 * Math.PI);
            assertEquals(0, diff, 1e-5, "row " + row);
        }
    }

    @Test
    void sameSeedSameSpiralsOtherSeedOtherNoise() {
        assertEquals(Spirals.of(40, 2, 0.65, 0.2, 5).x(), Spirals.of(40, 2, 0.65, 0.2, 5).x());
        assertNotEquals(Spirals.of(40, 2, 0.65, 0.2, 5).x(), Spirals.of(40, 2, 0.65, 0.2, 6).x());
    }

    @Test
    void circlesLieOnTheirRadii() {
        ArrayDataset d = Circles.of(64, 0.0, 0.3, 1);
        assertArrayEquals(new int[] {64, 64}, d.classCounts());
        for (int i = 0; i < d.size(); i++) {
            double r = Math.hypot(d.x().getDouble(i, 0), d.x().getDouble(i, 1));
            assertEquals(d.labels()[i] == 0 ? 1.0 : 0.3, r, 1e-6);
        }
        assertThrows(IllegalArgumentException.class, () -> Circles.of(10, 0, 1.5, 1));
    }

    @Test
    void moonsLieOnTheirHalfCircles() {
        ArrayDataset d = Moons.of(50, 0.0, 1);
        for (int i = 0; i < d.size(); i++) {
            double x = d.x().getDouble(i, 0);
            double y = d.x().getDouble(i, 1);
            if (d.labels()[i] == 0) {
                assertEquals(1.0, Math.hypot(x, y), 1e-6);
                assertTrue(y >= -1e-6);
            } else {
                assertEquals(1.0, Math.hypot(x - 1, y - 0.5), 1e-6);
                assertTrue(y <= 0.5 + 1e-6);
            }
        }
    }

    @Test
    void noisySineResidualsHaveTheNoiseLevel() {
        ArrayDataset d = NoisySine.of(5000, -3, 3, 0.1, 2);
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < d.size(); i++) {
            double x = d.x().getDouble(i, 0);
            assertTrue(x >= -3 && x <= 3);
            double r = d.y().getDouble(i, 0) - Math.sin(x);
            sum += r;
            sq += r * r;
        }
        double mean = sum / d.size();
        double sd = Math.sqrt(sq / d.size() - mean * mean);
        assertEquals(0, mean, 0.01);
        assertEquals(0.1, sd, 0.005);
    }

    @Test
    void noiselessSineFollowsItsRecurrence() {
        // TOPICS ch. 17: x_t = 2 cos(omega) x_{t-1} - x_{t-2}; omega = 0.1 gives 1.990008
        double[] s = NoisySine.series(200, 0.1, 0.0, 0);
        assertEquals(1.990008, 2 * Math.cos(0.1), 1e-6);
        for (int t = 2; t < s.length; t++) {
            assertEquals(2 * Math.cos(0.1) * s[t - 1] - s[t - 2], s[t], 1e-12);
        }
    }

    @Test
    void sequenceTasksHaveTheRightTargets() {
        ArrayDataset copy = SequenceTasks.copy(20, 7, 5, 1);
        assertEquals(copy.x(), copy.y());
        assertTrue(copy.x().maxNumber().intValue() <= 4 && copy.x().minNumber().intValue() >= 0);
        ArrayDataset rev = SequenceTasks.reverse(20, 7, 5, 1);
        assertArrayEquals(copy.x().getRow(3).toFloatVector(), rev.x().getRow(3).toFloatVector(), "same seed, same inputs");
        float[] in = rev.x().getRow(3).toFloatVector();
        float[] out = rev.y().getRow(3).toFloatVector();
        for (int i = 0; i < 7; i++) {
            assertEquals(in[6 - i], out[i]);
        }
        ArrayDataset sorted = SequenceTasks.sort(20, 7, 5, 2);
        for (int r = 0; r < 20; r++) {
            float[] y = sorted.y().getRow(r).toFloatVector();
            float[] x = sorted.x().getRow(r).toFloatVector().clone();
            java.util.Arrays.sort(x);
            assertArrayEquals(x, y);
        }
    }

    @Test
    void additionTargetsAreTheSums() {
        ArrayDataset add = SequenceTasks.add(50, 3, 4);
        assertArrayEquals(new long[] {50, 7}, add.x().shape());
        assertArrayEquals(new long[] {50, 4}, add.y().shape());
        for (int r = 0; r < 50; r++) {
            float[] x = add.x().getRow(r).toFloatVector();
            float[] y = add.y().getRow(r).toFloatVector();
            int a = (int) (x[0] * 100 + x[1] * 10 + x[2]);
            assertEquals(SequenceTasks.PLUS, (int) x[3]);
            int b = (int) (x[4] * 100 + x[5] * 10 + x[6]);
            int sum = (int) (y[0] * 1000 + y[1] * 100 + y[2] * 10 + y[3]);
            assertEquals(a + b, sum, "row " + r);
        }
    }

    @Test
    void shapesMasksLieInsideTightBoxes() {
        Shapes s = Shapes.generate(60, 32, 3, 0.2, 7);
        INDArray masks = s.masks();
        int objects = 0;
        for (int i = 0; i < s.size(); i++) {
            float[] m = masks.slice(i).dup('c').data().asFloat();
            int labelled = 0;
            for (float v : m) {
                labelled += v > 0 ? 1 : 0;
            }
            int inBoxes = 0;
            for (Shapes.ShapeObject o : s.objects(i)) {
                objects++;
                int count = 0;
                boolean top = false, bottom = false, left = false, right = false;
                for (int r = o.y1(); r < o.y2(); r++) {
                    for (int c = o.x1(); c < o.x2(); c++) {
                        if (m[r * 32 + c] == o.label() + 1) {
                            count++;
                            top |= r == o.y1();
                            bottom |= r == o.y2() - 1;
                            left |= c == o.x1();
                            right |= c == o.x2() - 1;
                        }
                    }
                }
                assertTrue(top && bottom && left && right, "box of " + o + " in image " + i + " is not tight");
                assertEquals(count, (int) s.objectMask(i, s.objects(i).indexOf(o)).sumNumber().intValue());
                inBoxes += count;
            }
            assertEquals(labelled, inBoxes, "every mask pixel of image " + i + " lies in one of its boxes");
        }
        assertTrue(objects > 60, "several objects per image with maxObjects 3");
    }

    @Test
    void shapeAreasMatchTheirGeometry() {
        // square: mask fills its box; circle: pi/4 of it; triangle: about half
        assertAreaRatio(Shapes.SQUARE, 1.0, 0.0);
        assertAreaRatio(Shapes.CIRCLE, Math.PI / 4, 0.04);
        assertAreaRatio(Shapes.TRIANGLE, 0.5, 0.06);
    }

    private static void assertAreaRatio(int label, double expected, double tol) {
        int side = 20;
        boolean[] in = Shapes.rasterize(label, 2, 3, side, 26);
        int count = 0;
        for (boolean b : in) {
            count += b ? 1 : 0;
        }
        assertEquals(expected, count / (double) (side * side), tol, Shapes.CLASS_NAMES.get(label));
    }

    @Test
    void shapesImagesClassesAndDatasets() {
        Shapes s = Shapes.generate(300, 24, 1, 0.2, 3);
        INDArray img = s.images();
        assertArrayEquals(new long[] {300, 1, 24, 24}, img.shape());
        assertTrue(img.minNumber().doubleValue() >= 0 && img.maxNumber().doubleValue() <= 1);
        for (int c : s.objectsPerClass()) {
            assertTrue(c > 70 && c < 130, "classes roughly balanced: " + java.util.Arrays.toString(s.objectsPerClass()));
        }
        // object pixels are brighter than the background noise
        float[] pixels = img.slice(0).dup('c').data().asFloat();
        float[] mask = s.masks().slice(0).dup('c').data().asFloat();
        for (int p = 0; p < pixels.length; p++) {
            assertTrue(mask[p] > 0 ? pixels[p] >= 0.6f : pixels[p] <= 0.2f);
        }
        assertArrayEquals(new long[] {300, 4}, s.boxDataset().y().shape());
        assertTrue(s.boxDataset().y().maxNumber().doubleValue() <= 1.0);
        assertEquals(4, s.maskDataset().numClasses());
        assertEquals(3, s.dataset().numClasses());
        assertEquals(s.images(), Shapes.generate(300, 24, 1, 0.2, 3).images());
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Spirals.of(0, 2, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Moons.of(10, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> Shapes.generate(10, 4, 1, 0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> SequenceTasks.add(10, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> NoisySine.of(10, 1, 1, 0, 1));
    }
}
