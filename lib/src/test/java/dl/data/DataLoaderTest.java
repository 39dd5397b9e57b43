package dl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataLoaderTest {

    private static List<Integer> epochRows(DataLoader loader) {
        List<Integer> rows = new ArrayList<>();
        for (Batch b : loader) {
            for (int i = 0; i < b.size(); i++) {
                int row = (int) b.x().getFloat(i, 0);
                // the batch row must be the dataset row it came from, label included
                assertEquals(100f + row, b.x().getFloat(i, 1));
                assertEquals(row % 3, b.labels()[i]);
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void unshuffledLoaderGivesRowsInOrderWithAPartialLastBatch() {
        DataLoader loader = ArrayDatasetTest.rows(10).loader(4);
        assertEquals(3, loader.numBatches());
        List<Integer> sizes = new ArrayList<>();
        for (Batch b : loader) {
            sizes.add(b.size());
        }
        assertEquals(List.of(4, 4, 2), sizes);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), epochRows(loader));
    }

    @Test
    void dropLastGivesOnlyFullBatches() {
        DataLoader loader = ArrayDatasetTest.rows(10).loader(4).dropLast(true);
        assertEquals(2, loader.numBatches());
        for (Batch b : loader) {
            assertEquals(4, b.size());
        }
        assertThrows(IllegalArgumentException.class, () -> ArrayDatasetTest.rows(3).loader(4).dropLast(true));
    }

    @Test
    void shuffledEpochIsAPermutationThatRepeatsWithTheSeed() {
        DataLoader a = ArrayDatasetTest.rows(23).loader(5).shuffle(11L);
        List<Integer> e0 = epochRows(a);
        List<Integer> e1 = epochRows(a);
        List<Integer> sorted = new ArrayList<>(e0);
        sorted.sort(null);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            all.add(i);
        }
        assertEquals(all, sorted, "an epoch visits every row exactly once");
        assertFalse(e0.equals(all), "shuffled order differs from the dataset order");
        assertFalse(e0.equals(e1), "each epoch gets a new order");

        DataLoader b = ArrayDatasetTest.rows(23).loader(5).shuffle(11L);
        assertEquals(e0, epochRows(b));
        assertEquals(e1, epochRows(b));
        assertArrayEquals(a.order(7), b.order(7), "epoch 7's order depends only on seed and epoch");
        assertFalse(Arrays.equals(a.order(0), ArrayDatasetTest.rows(23).loader(5).shuffle(12L).order(0)));
    }

    @Test
    void defaultSeedComesFromTheCourseGenerator() {
        dl.Course.seed(3);
        int[] first = ArrayDatasetTest.rows(30).loader(8).shuffle(true).order(0);
        dl.Course.seed(3);
        int[] again = ArrayDatasetTest.rows(30).loader(8).shuffle(true).order(0);
        assertArrayEquals(first, again);
    }

    @Test
    void transformIsAppliedToEachExample() {
        DataLoader loader = ArrayDatasetTest.rows(6).loader(4).transform((x, rng) -> x.mul(-1));
        Batch b = loader.iterator().next();
        assertArrayEquals(new float[] {-1, -101, -201}, b.x().getRow(1).toFloatVector());
        assertArrayEquals(new int[] {0, 1, 2, 0}, b.labels());
    }

    @Test
    void randomTransformRepeatsWithTheSeed() {
        Transform jitter = (x, rng) -> x.add(rng.nextGaussian());
        Batch a = ArrayDatasetTest.rows(8).loader(8).shuffle(4L).transform(jitter).iterator().next();
        Batch b = ArrayDatasetTest.rows(8).loader(8).shuffle(4L).transform(jitter).iterator().next();
        assertEquals(a.x(), b.x());
    }

    @Test
    void badBatchSizeIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> ArrayDatasetTest.rows(5).loader(0));
        assertTrue(e.getMessage().contains("batch size must be >= 1, got 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DataLoader(ArrayDatasetTest.rows(5), -3));
    }

    @Test
    void emptyDatasetIsRejected() {
        Dataset empty = new Dataset() {
            @Override
            public int size() {
                return 0;
            }

            @Override
            public Example get(int index) {
                throw new IndexOutOfBoundsException();
            }
        };
        var e = assertThrows(IllegalArgumentException.class, () -> new DataLoader(empty, 4));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void loaderOverASplitGathersFromTheBase() {
        Split s = ArrayDatasetTest.rows(40).split(0.75, 2);
        List<Integer> rows = epochRows(s.validation().loader(4).shuffle(1L));
        assertEquals(10, rows.size());
        for (int r : rows) {
            assertTrue(r >= 0 && r < 40);
        }
    }
}
