package dl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ArrayDatasetTest {

    /** x[i] = [i, 100 + i, 200 + i] so every row is recognisable; labels i % 3. */
    static ArrayDataset rows(int n) {
        float[] x = new float[n * 3];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[3 * i] = i;
            x[3 * i + 1] = 100 + i;
            x[3 * i + 2] = 200 + i;
            y[i] = i % 3;
        }
        return ArrayDataset.of(Nd4j.create(x, new long[] {n, 3}, DataType.FLOAT), y, List.of("a", "b", "c"));
    }

    @Test
    void getReturnsTheRowAndItsLabel() {
        ArrayDataset d = rows(10);
        Example e = d.get(7);
        assertArrayEquals(new float[] {7, 107, 207}, e.x().toFloatVector());
        assertEquals(1, e.label());
        assertEquals(List.of("a", "b", "c"), d.classNames());
        assertEquals(3, d.numClasses());
    }

    @Test
    void getReturnsACopy() {
        ArrayDataset d = rows(4);
        d.get(2).x().assign(-1);
        assertEquals(2f, d.x().getFloat(2, 0));
    }

    @Test
    void gatheredBatchRowsEqualTheDatasetRows() {
        ArrayDataset d = rows(50);
        int[] idx = {49, 3, 3, 17, 0};
        Batch b = d.batch(idx);
        assertArrayEquals(new long[] {5, 3}, b.x().shape());
        assertArrayEquals(new long[] {5}, b.y().shape());
        for (int i = 0; i < idx.length; i++) {
            assertArrayEquals(new float[] {idx[i], 100 + idx[i], 200 + idx[i]}, b.x().getRow(i).toFloatVector());
            assertEquals(idx[i] % 3, b.labels()[i]);
        }
    }

    @Test
    void consecutiveBatchIsACopyOfTheRows() {
        ArrayDataset d = rows(20);
        Batch b = d.batch(new int[] {5, 6, 7});
        assertArrayEquals(new float[] {5, 105, 205, 6, 106, 206, 7, 107, 207}, b.x().dup('c').data().asFloat());
        b.x().assign(0);
        assertEquals(6f, d.x().getFloat(6, 0), "changing a batch must not change the dataset");
    }

    @Test
    void batchOfImagesKeepsTheImageShape() {
        INDArray x = Nd4j.arange(4 * 2 * 3).castTo(DataType.FLOAT).reshape(4, 2, 3);
        ArrayDataset d = ArrayDataset.of(x, new int[] {0, 1, 0, 1}, 2);
        Batch b = d.batch(new int[] {3, 1});
        assertArrayEquals(new long[] {2, 2, 3}, b.x().shape());
        assertEquals(x.slice(3), b.x().slice(0));
        assertEquals(x.slice(1), b.x().slice(1));
    }

    @Test
    void batchFromAnOffsetViewReadsTheRightRows() {
        INDArray big = Nd4j.arange(10 * 2).castTo(DataType.FLOAT).reshape(10, 2);
        INDArray view = big.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(4, 10),
                org.nd4j.linalg.indexing.NDArrayIndex.all());
        ArrayDataset d = ArrayDataset.of(view, Nd4j.zeros(DataType.FLOAT, 6, 1));
        Batch b = d.batch(new int[] {2, 0});
        assertArrayEquals(new float[] {12, 13, 8, 9}, b.x().dup('c').data().asFloat());
    }

    @Test
    void doubleDataAndChannelViewsGatherTheRightRows() {
        INDArray xd = Nd4j.arange(12).castTo(DataType.DOUBLE).reshape(4, 3);
        Batch b = ArrayDataset.of(xd, Nd4j.zeros(DataType.DOUBLE, 4, 1)).batch(new int[] {3, 1});
        assertEquals(DataType.DOUBLE, b.x().dataType());
        assertArrayEquals(new double[] {9, 10, 11, 3, 4, 5}, b.x().dup('c').data().asDouble());
        // [N, H, W] seen as [N, 1, H, W]: a view whose size-1 axis has a non-default stride
        INDArray images = Nd4j.arange(5 * 2 * 2).castTo(DataType.FLOAT).reshape(5, 2, 2);
        ArrayDataset d = ArrayDataset.of(images.reshape(5, 1, 2, 2), new int[] {0, 1, 2, 3, 4}, 5);
        Batch c = d.batch(new int[] {4, 0});
        assertArrayEquals(new long[] {2, 1, 2, 2}, c.x().shape());
        assertArrayEquals(new float[] {16, 17, 18, 19, 0, 1, 2, 3}, c.x().dup('c').data().asFloat());
        assertArrayEquals(new int[] {4, 0}, c.labels());
    }

    @Test
    void regressionTargetsKeepTheirShape() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, 2);
        INDArray y = Nd4j.rand(DataType.FLOAT, 6, 4);
        ArrayDataset d = ArrayDataset.of(x, y);
        assertEquals(0, d.numClasses());
        Batch b = d.batch(new int[] {5, 1});
        assertEquals(y.getRow(5), b.y().getRow(0));
        assertThrows(IllegalStateException.class, d::labels);
    }

    @Test
    void mismatchedRowCountsAreRejectedWithBothShapes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ArrayDataset.of(Nd4j.zeros(DataType.FLOAT, 100, 784), Nd4j.zeros(DataType.FLOAT, 99)));
        assertTrue(e.getMessage().contains("[100, 784]") && e.getMessage().contains("[99]"), e.getMessage());
    }

    @Test
    void emptyDatasetIsRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ArrayDataset.of(Nd4j.zeros(DataType.FLOAT, 0, 3), Nd4j.zeros(DataType.FLOAT, 0)));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void labelOutsideTheClassesIsRejectedWithItsRow() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ArrayDataset.of(Nd4j.zeros(DataType.FLOAT, 4, 2), new int[] {0, 1, 10, 2}, 10));
        assertTrue(e.getMessage().contains("label 10 at row 2") && e.getMessage().contains("0..9"), e.getMessage());
        var neg = assertThrows(IllegalArgumentException.class,
                () -> ArrayDataset.of(Nd4j.zeros(DataType.FLOAT, 2, 2), new int[] {0, -1}, 3));
        assertTrue(neg.getMessage().contains("label -1 at row 1"), neg.getMessage());
        var frac = assertThrows(IllegalArgumentException.class,
                () -> ArrayDataset.of(Nd4j.zeros(DataType.FLOAT, 2, 2), Nd4j.createFromArray(0f, 1.5f), List.of("a", "b")));
        assertTrue(frac.getMessage().contains("1.5 at row 1"), frac.getMessage());
    }

    @Test
    void nanInTheFeaturesIsRejectedWithItsPosition() {
        INDArray x = Nd4j.zeros(DataType.FLOAT, 5, 3);
        x.putScalar(new long[] {3, 1}, Float.NaN);
        var e = assertThrows(IllegalArgumentException.class, () -> ArrayDataset.of(x, Nd4j.zeros(DataType.FLOAT, 5)));
        assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("[3, 1]"), e.getMessage());
        INDArray y = Nd4j.zeros(DataType.FLOAT, 5, 1);
        y.putScalar(new long[] {4, 0}, Float.POSITIVE_INFINITY);
        var e2 = assertThrows(IllegalArgumentException.class, () -> ArrayDataset.of(Nd4j.zeros(DataType.FLOAT, 5, 3), y));
        assertTrue(e2.getMessage().contains("y contains Infinity") && e2.getMessage().contains("row 4"), e2.getMessage());
    }

    @Test
    void badIndicesAreRejected() {
        ArrayDataset d = rows(5);
        var e = assertThrows(IndexOutOfBoundsException.class, () -> d.get(5));
        assertTrue(e.getMessage().contains("index 5 outside 0..4"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> d.batch(new int[] {0, -1}));
        assertThrows(IllegalArgumentException.class, () -> d.batch(new int[0]));
    }

    @Test
    void subsetAndFirstAreViewsOfTheRightRows() {
        ArrayDataset d = rows(30);
        Dataset s = d.subset(new int[] {10, 20, 29});
        assertEquals(3, s.size());
        assertArrayEquals(new float[] {20, 120, 220}, s.get(1).x().toFloatVector());
        Dataset ss = s.subset(new int[] {2, 0});
        assertArrayEquals(new float[] {29, 129, 229}, ss.batch(new int[] {0}).x().toFloatVector());
        assertArrayEquals(new int[] {29 % 3, 10 % 3}, ss.labels());
        Dataset f = d.first(4);
        assertEquals(4, f.size());
        assertArrayEquals(new float[] {3, 103, 203}, f.get(3).x().toFloatVector());
        assertThrows(IllegalArgumentException.class, () -> d.first(31));
        assertThrows(IndexOutOfBoundsException.class, () -> d.subset(new int[] {30}));
    }

    @Test
    void splitPartitionsTheRowsAndRepeatsWithTheSeed() {
        ArrayDataset d = rows(100);
        Split s = d.split(0.8, 5);
        assertEquals(80, s.train().size());
        assertEquals(20, s.validation().size());
        Set<Float> seen = new HashSet<>();
        for (Dataset part : List.of(s.train(), s.validation())) {
            for (int i = 0; i < part.size(); i++) {
                assertTrue(seen.add(part.get(i).x().getFloat(0)), "row used twice");
            }
        }
        assertEquals(100, seen.size());
        Split again = d.split(0.8, 5);
        assertArrayEquals(firstColumn(s.validation()), firstColumn(again.validation()));
        Split other = d.split(0.8, 6);
        assertTrue(!Arrays.equals(firstColumn(s.validation()), firstColumn(other.validation())));
        assertThrows(IllegalArgumentException.class, () -> d.split(1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> rows(2).split(0.9, 1));
    }

    @Test
    void stratifiedSplitKeepsClassProportions() {
        ArrayDataset d = rows(90); // 30 per class
        Split s = d.splitStratified(0.8, 3);
        assertArrayEquals(new int[] {24, 24, 24}, s.train().classCounts());
        assertArrayEquals(new int[] {6, 6, 6}, s.validation().classCounts());
    }

    private static float[] firstColumn(Dataset d) {
        float[] out = new float[d.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = d.get(i).x().getFloat(0);
        }
        return out;
    }

    @Test
    void tensorsGiveTheSameDatasetAsTheirArrays() {
        var fromTensors = ArrayDataset.of(dl.tensor.Tensor.column(1, 2, 3), dl.tensor.Tensor.of(4, 5, 6));
        assertEquals(3, fromTensors.size());
        assertArrayEquals(new long[] {3, 1}, fromTensors.x().shape());
        assertEquals(2.0, fromTensors.x().getDouble(1, 0));
        assertEquals(6.0, fromTensors.y().getDouble(2));
        var missing = assertThrows(IllegalArgumentException.class, () -> ArrayDataset.of(dl.tensor.Tensor.column(1), null));
        assertTrue(missing.getMessage().contains("y = null"), missing.getMessage());
    }
}
