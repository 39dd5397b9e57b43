package dl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AugmentTest {

    private static INDArray image(float[] values, long... shape) {
        return Nd4j.create(values, shape, DataType.FLOAT);
    }

    private static float[] flat(INDArray a) {
        return a.dup('c').data().asFloat();
    }

    private static INDArray random(long... shape) {
        Nd4j.getRandom().setSeed(1);
        return Nd4j.rand(DataType.FLOAT, shape);
    }

    @Test
    void flipsByHand() {
        INDArray x = image(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertArrayEquals(new float[] {3, 2, 1, 6, 5, 4}, flat(ImageOps.flipHorizontal(x)));
        assertArrayEquals(new float[] {4, 5, 6, 1, 2, 3}, flat(ImageOps.flipVertical(x)));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, flat(x), "input unchanged");
    }

    @Test
    void flippingTwiceIsTheIdentity() {
        INDArray x = random(3, 7, 5);
        assertEquals(x, ImageOps.flipHorizontal(ImageOps.flipHorizontal(x)));
        assertEquals(x, ImageOps.flipVertical(ImageOps.flipVertical(x)));
    }

    @Test
    void batchOperationEqualsPerImageOperation() {
        INDArray batch = random(4, 2, 6, 6);
        INDArray flipped = ImageOps.flipHorizontal(batch);
        for (int i = 0; i < 4; i++) {
            assertEquals(ImageOps.flipHorizontal(batch.slice(i)), flipped.slice(i));
        }
    }

    @Test
    void rotationByZeroAndByFullTurnIsTheIdentity() {
        INDArray x = random(2, 9, 9);
        assertEquals(x, ImageOps.rotate(x, 0));
        assertTrue(x.equalsWithEps(ImageOps.rotate(x, 360), 1e-5));
    }

    @Test
    void quarterTurnMatchesNumpyRot90() {
        // np.rot90([[1,2,3],[4,5,6],[7,8,9]]) == [[3,6,9],[2,5,8],[1,4,7]] (counter-clockwise)
        INDArray x = image(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 3, 3);
        assertArrayEquals(new float[] {3, 6, 9, 2, 5, 8, 1, 4, 7}, flat(ImageOps.rotate(x, 90)), 1e-6f);
        assertArrayEquals(new float[] {9, 8, 7, 6, 5, 4, 3, 2, 1}, flat(ImageOps.rotate(x, 180)), 1e-6f);
        INDArray y = random(1, 6, 6);
        INDArray four = y;
        for (int i = 0; i < 4; i++) {
            four = ImageOps.rotate(four, 90);
        }
        assertTrue(y.equalsWithEps(four, 1e-5));
    }

    @Test
    void smallRotationInterpolates() {
        // a single bright pixel right of the centre moves up (counter-clockwise) and spreads
        float[] v = new float[25];
        v[2 * 5 + 4] = 1f;
        INDArray r = ImageOps.rotate(image(v, 5, 5), 30);
        // source of pixel (1, 4): the point 2 px right of centre lands at (2 - 2 sin30, 2 + 2 cos30) = (1.0, 3.73)
        assertTrue(r.getFloat(1, 4) > 0 && r.getFloat(1, 3) > 0, r.toString());
        assertEquals(0f, r.getFloat(2, 4), 1e-6f);
        assertEquals(1.0, r.sumNumber().doubleValue(), 0.25, "mass roughly kept");
    }

    @Test
    void shiftPadAndCropByHand() {
        INDArray x = image(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 3, 3);
        assertArrayEquals(new float[] {0, 0, 0, 1, 2, 3, 4, 5, 6}, flat(ImageOps.shift(x, 1, 0)));
        assertArrayEquals(new float[] {2, 3, 0, 5, 6, 0, 8, 9, 0}, flat(ImageOps.shift(x, 0, -1)));
        INDArray padded = ImageOps.pad(x, 2);
        assertArrayEquals(new long[] {7, 7}, padded.shape());
        assertEquals(5f, padded.getFloat(3, 3));
        assertEquals(0f, padded.getFloat(1, 3));
        assertEquals(x, ImageOps.crop(padded, 2, 2, 3, 3));
        assertArrayEquals(new float[] {5, 6, 8, 9}, flat(ImageOps.crop(x, 1, 1, 2, 2)));
        assertThrows(IllegalArgumentException.class, () -> ImageOps.crop(x, 2, 2, 2, 2));
    }

    @Test
    void randomCropHasTheRequestedSizeAndIsAShiftedCopy() {
        INDArray x = random(1, 12, 12);
        Random rng = new Random(3);
        Transform crop = Augment.randomCrop(12, 3);
        for (int trial = 0; trial < 5; trial++) {
            INDArray c = crop.apply(x, rng);
            assertArrayEquals(new long[] {1, 12, 12}, c.shape());
            boolean found = false;
            for (int dy = -3; dy <= 3 && !found; dy++) {
                for (int dx = -3; dx <= 3 && !found; dx++) {
                    found = ImageOps.shift(x, dy, dx).equals(c);
                }
            }
            assertTrue(found, "crop of the padded image is a shift by at most the padding");
        }
        assertArrayEquals(new long[] {1, 8, 8}, Augment.randomCrop(8, 0).apply(x, rng).shape());
        assertThrows(IllegalArgumentException.class, () -> Augment.randomCrop(20, 2).apply(x, rng));
    }

    @Test
    void brightnessAndContrast() {
        INDArray x = image(new float[] {0.1f, 0.5f, 0.9f, 0.5f}, 2, 2);
        assertArrayEquals(new float[] {0.3f, 0.7f, 1.0f, 0.7f}, flat(ImageOps.adjustBrightness(x, 0.2)), 1e-6f);
        assertArrayEquals(flat(x), flat(ImageOps.adjustContrast(x, 1.0)), 1e-6f);
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, flat(ImageOps.adjustContrast(x, 0.0)), 1e-6f);
        // mean 0.5: (0.1 - 0.5) * 2 + 0.5 = -0.3 -> clamped to 0
        assertArrayEquals(new float[] {0f, 0.5f, 1f, 0.5f}, flat(ImageOps.adjustContrast(x, 2.0)), 1e-6f);
    }

    @Test
    void gaussianNoiseHasTheRequestedSpread() {
        INDArray x = Nd4j.zeros(DataType.FLOAT, 100, 100);
        INDArray noisy = ImageOps.addGaussianNoise(x, 0.3, new Random(5));
        assertEquals(0.0, noisy.meanNumber().doubleValue(), 0.01);
        assertEquals(0.3, noisy.stdNumber().doubleValue(), 0.01);
        assertEquals(0.0, x.sumNumber().doubleValue(), "input unchanged");
    }

    @Test
    void cutoutZeroesASquare() {
        INDArray x = Nd4j.ones(DataType.FLOAT, 2, 10, 10);
        INDArray c = ImageOps.cutout(x, 5, 5, 4);
        assertEquals(2 * (100 - 16), c.sumNumber().doubleValue(), 1e-6);
        assertEquals(0f, c.getFloat(1, 3, 3));
        assertEquals(1f, c.getFloat(1, 2, 2));
        // at a corner the square is clipped
        assertEquals(2 * (100 - 4), ImageOps.cutout(x, 0, 0, 4).sumNumber().doubleValue(), 1e-6);
    }

    @Test
    void composedRandomTransformsRepeatWithTheSeed() {
        INDArray x = random(1, 16, 16);
        Transform t = Transform.compose(Augment.randomCrop(16, 2), Augment.flipHorizontal(0.5), Augment.rotation(15),
                Augment.shift(2), Augment.brightness(0.1), Augment.contrast(0.8, 1.2), Augment.gaussianNoise(0.05),
                Augment.cutout(4), Augment.flipVertical(0.5));
        INDArray a = t.apply(x, new Random(11));
        INDArray b = t.apply(x, new Random(11));
        assertEquals(a, b);
        assertNotEquals(a, t.apply(x, new Random(12)));
        assertArrayEquals(x.shape(), a.shape());
    }

    @Test
    void loaderAppliesAugmentationsToEveryExample() {
        INDArray images = random(6, 1, 4, 4);
        ArrayDataset d = ArrayDataset.of(images, new int[] {0, 1, 0, 1, 0, 1}, 2);
        Batch b = d.loader(4).transform(Augment.flipHorizontal(1.0)).iterator().next();
        for (int i = 0; i < 4; i++) {
            assertEquals(ImageOps.flipHorizontal(images.slice(i)), b.x().slice(i));
        }
        // a chain mixing a Java-array augmentation and a plain INDArray transform
        Transform mixed = Augment.flipHorizontal(1.0).andThen((x, rng) -> x.mul(2));
        Batch m = d.loader(6).transform(mixed).iterator().next();
        assertEquals(ImageOps.flipHorizontal(images.slice(5)).mul(2), m.x().slice(5));
        // an augmentation that changes the size changes the batch shape
        Batch c = d.loader(3).transform(Augment.randomCrop(3, 0)).iterator().next();
        assertArrayEquals(new long[] {3, 1, 3, 3}, c.x().shape());
    }

    @Test
    void flipProbabilityIsRespected() {
        INDArray x = image(new float[] {1, 2}, 1, 2);
        Random rng = new Random(8);
        int flipped = 0;
        for (int i = 0; i < 2000; i++) {
            flipped += Augment.flipHorizontal(0.3).apply(x, rng).getFloat(0, 0) == 2f ? 1 : 0;
        }
        assertEquals(0.3, flipped / 2000.0, 0.04);
        assertEquals(x, Augment.flipHorizontal(0).apply(x, rng));
    }

    @Test
    void nonImageInputGetsAHint() {
        var e = assertThrows(IllegalArgumentException.class, () -> ImageOps.flipHorizontal(Nd4j.zeros(784)));
        assertTrue(e.getMessage().contains("[784]") && e.getMessage().contains("reshape"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Augment.flipHorizontal(1.5));
        assertThrows(IllegalArgumentException.class, () -> Augment.contrast(1.2, 0.8));
    }

    @Test
    void testTimeFlipsAverageOutLeftRightAsymmetry() {
        // a "model" scoring left-half mass against right-half mass; its mirror swaps the two,
        // so the average over {x, flip(x)} is exactly [0.5, 0.5] for any image
        java.util.function.Function<INDArray, INDArray> model = batch -> {
            long b = batch.size(0);
            INDArray out = Nd4j.create(DataType.FLOAT, b, 2);
            for (int i = 0; i < b; i++) {
                INDArray img = batch.slice(i);
                double left = img.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                        org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2)).sumNumber().doubleValue();
                double total = img.sumNumber().doubleValue();
                out.putScalar(i, 0, left / total);
                out.putScalar(i, 1, 1 - left / total);
            }
            return out;
        };
        INDArray batch = random(3, 4, 4).addi(0.1);
        INDArray plain = model.apply(batch);
        INDArray tta = TestTimeAugmentation.flips().predict(model, batch);
        assertTrue(Math.abs(plain.getDouble(0, 0) - 0.5) > 1e-3, "the plain prediction is not symmetric");
        for (int i = 0; i < 3; i++) {
            assertEquals(0.5, tta.getDouble(i, 0), 1e-6);
            assertEquals(0.5, tta.getDouble(i, 1), 1e-6);
        }
        assertEquals(6, TestTimeAugmentation.flipsAndCrops(2).size());
        INDArray avg = TestTimeAugmentation.flipsAndCrops(1).predict(model, batch);
        assertArrayEquals(new long[] {3, 2}, avg.shape());
        assertEquals(1.0, avg.getRow(0).sumNumber().doubleValue(), 1e-5, "probabilities still sum to 1");
    }

    @Test
    void testTimeAugmentationRejectsAWrongModelOutput() {
        INDArray batch = random(2, 4, 4);
        var e = assertThrows(IllegalStateException.class,
                () -> TestTimeAugmentation.flips().predict(b -> Nd4j.zeros(5, 2), batch));
        assertTrue(e.getMessage().contains("[5, 2]"), e.getMessage());
    }
}
