package dl.tensor;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The factories from Java data, their errors, and the conversions back, against hand-worked values. */
class TensorFactoriesTest {

    @Test
    void oneNumberIsAScalarButAnArrayOfOneIsAVector() {
        Tensor scalar = Tensor.of(5.0);
        assertArrayEquals(new long[0], scalar.shape());
        assertEquals(DataType.FLOAT, scalar.dtype());
        assertEquals(5.0, scalar.item());
        assertArrayEquals(new long[0], Tensor.scalar(2.5).shape());
        assertArrayEquals(new long[0], Tensor.ofDouble(3).shape());
        assertEquals(DataType.DOUBLE, Tensor.ofDouble(3).dtype());

        double[] one = {5.0};
        assertArrayEquals(new long[] {1}, Tensor.of(one).shape());
        assertArrayEquals(new long[] {1}, Tensor.ofDouble(one).shape());
        assertEquals(DataType.DOUBLE, Tensor.ofDouble(one).dtype());
        assertArrayEquals(new long[] {3}, Tensor.of(1, 2, 3).shape());
        assertArrayEquals(new long[] {0}, Tensor.of(new double[0]).shape());
    }

    @Test
    void dataWithAShapeIsFilledRowMajor() {
        double[] data = {1, 2, 3, 4, 5, 6};
        Tensor m = Tensor.of(data, 2, 3);
        assertArrayEquals(new long[] {2, 3}, m.shape());
        assertEquals(DataType.FLOAT, m.dtype());
        assertEquals(6.0, m.data().getDouble(1, 2));
        assertEquals(4.0, m.data().getDouble(1, 0));

        double[] eight = {0, 1, 2, 3, 4, 5, 6, 7};
        Tensor cube = Tensor.ofDouble(eight, 2, 2, 2);
        assertEquals(DataType.DOUBLE, cube.dtype());
        // row-major: index (i, j, k) holds 4i + 2j + k
        assertEquals(5.0, cube.data().getDouble(1, 0, 1));
        assertEquals(6.0, cube.data().getDouble(1, 1, 0));
        assertArrayEquals(eight, cube.toDoubleArray());

        assertArrayEquals(new long[] {3, 2}, Tensor.of(data, -1, 2).shape());
        assertArrayEquals(new long[] {6, 1}, Tensor.of(data, -1, 1).shape());
        assertArrayEquals(new long[0], Tensor.of(new double[] {7}, new long[0]).shape());
        assertEquals(7.0, Tensor.of(new double[] {7}, new long[0]).item());
    }

    @Test
    void aDataLengthThatDoesNotFitTheShapeNamesBoth() {
        double[] six = {1, 2, 3, 4, 5, 6};
        var e = assertThrows(IllegalArgumentException.class, () -> Tensor.of(six, 2, 4));
        assertTrue(e.getMessage().contains("Tensor.of"), e.getMessage());
        assertTrue(e.getMessage().contains("6 values"), e.getMessage());
        assertTrue(e.getMessage().contains("[2, 4]"), e.getMessage());
        assertTrue(e.getMessage().contains("holds 8"), e.getMessage());

        var twice = assertThrows(IllegalArgumentException.class, () -> Tensor.ofDouble(six, -1, -1));
        assertTrue(twice.getMessage().contains("at most one"), twice.getMessage());
        var negative = assertThrows(IllegalArgumentException.class, () -> Tensor.of(six, 3, -2));
        assertTrue(negative.getMessage().contains("-2 at dimension 1"), negative.getMessage());
        var inferred = assertThrows(IllegalArgumentException.class, () -> Tensor.of(six, -1, 4));
        assertTrue(inferred.getMessage().contains("not a multiple of 4"), inferred.getMessage());
        var ints = assertThrows(IllegalArgumentException.class, () -> Tensor.ofInts(new int[] {1, 2, 3}, 2, 2));
        assertTrue(ints.getMessage().contains("Tensor.ofInts: 3 values"), ints.getMessage());
    }

    @Test
    void raggedRowsAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Tensor.of(new double[][] {{1, 2}, {3, 4}, {5}}));
        assertTrue(e.getMessage().contains("row 0 has 2 values, row 2 has 1"), e.getMessage());
        var ids = assertThrows(IllegalArgumentException.class, () -> Tensor.ofInts(new int[][] {{1}, {2, 3}}));
        assertTrue(ids.getMessage().contains("row 1 has 2"), ids.getMessage());
    }

    @Test
    void columnsAndMatrices() {
        Tensor c = Tensor.column(1.5, -2, 4);
        assertArrayEquals(new long[] {3, 1}, c.shape());
        assertEquals(DataType.FLOAT, c.dtype());
        assertEquals(-2.0, c.data().getDouble(1, 0));
        assertArrayEquals(new long[] {1, 1}, Tensor.column(new double[] {9}).shape());
        assertEquals(DataType.DOUBLE, Tensor.columnDouble(1, 2).dtype());

        double[][] rows = {{1, 2, 3}, {4, 5, 6}};
        Tensor m = Tensor.ofDouble(rows);
        assertArrayEquals(new long[] {2, 3}, m.shape());
        double[][] back = m.toDoubleMatrix();
        assertArrayEquals(rows[0], back[0]);
        assertArrayEquals(rows[1], back[1]);
        var e = assertThrows(ShapeException.class, () -> Tensor.of(1, 2, 3).toDoubleMatrix());
        assertTrue(e.getMessage().contains("expected a matrix (rank 2), got shape [3]"), e.getMessage());
    }

    @Test
    void integerIds() {
        Tensor ids = Tensor.ofInts(2, 0, 1);
        assertEquals(DataType.INT, ids.dtype());
        assertArrayEquals(new int[] {2, 0, 1}, ids.toIntArray());
        assertArrayEquals(new long[] {1}, Tensor.ofInts(3).shape());
        Tensor grid = Tensor.ofInts(new int[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new long[] {2, 3}, grid.shape());
        assertEquals(6, grid.data().getInt(1, 2));
        assertArrayEquals(new long[] {3, 2}, Tensor.ofInts(new int[] {1, 2, 3, 4, 5, 6}, 3, -1).shape());

        long big = (1L << 60) + 1;   // not representable in fp64: must stay exact
        Tensor longs = Tensor.ofLongs(big, -3);
        assertEquals(DataType.LONG, longs.dtype());
        assertArrayEquals(new long[] {big, -3}, longs.toLongArray());
        assertArrayEquals(new long[] {2, 1}, Tensor.ofLongs(new long[][] {{7}, {8}}).shape());
        assertArrayEquals(new long[] {4}, Tensor.ofLongs(new long[] {1, 2, 3, 4}, -1).shape());
    }

    @Test
    void integerConversionsRefuseFractionsInsteadOfTruncating() {
        assertArrayEquals(new int[] {1, -2, 3}, Tensor.of(1.0, -2.0, 3.0).toIntArray());
        var e = assertThrows(IllegalArgumentException.class, () -> Tensor.ofDouble(1.0, 1.7, 2.0).toIntArray());
        assertTrue(e.getMessage().contains("got 1.7 at flat position 1"), e.getMessage());
        var range = assertThrows(IllegalArgumentException.class, () -> Tensor.ofDouble(3e9).toIntArray());
        assertTrue(range.getMessage().contains("toLongArray"), range.getMessage());
        assertArrayEquals(new long[] {3_000_000_000L}, Tensor.ofDouble(new double[] {3e9}).toLongArray());
        assertThrows(IllegalArgumentException.class, () -> Tensor.ofDouble(Double.NaN).toLongArray());
    }

    @Test
    void comparisonsGiveMasks() {
        Tensor x = Tensor.of(1, 2, 3);
        Tensor gt = x.gt(2);
        assertEquals(DataType.BOOL, gt.dtype());
        assertFalse(gt.requiresGrad());
        assertArrayEquals(new double[] {0, 0, 1}, gt.toDoubleArray());
        assertArrayEquals(new double[] {0, 1, 1}, x.ge(2).toDoubleArray());
        assertArrayEquals(new double[] {1, 0, 0}, x.lt(2).toDoubleArray());
        assertArrayEquals(new double[] {1, 1, 0}, x.le(2).toDoubleArray());
        assertArrayEquals(new double[] {0, 1, 0}, x.eq(2).toDoubleArray());
        assertArrayEquals(new double[] {1, 0, 1}, x.ne(2).toDoubleArray());

        // broadcast [2, 1] against [2]: [[1 == 1, 1 == 2], [2 == 1, 2 == 2]]
        Tensor eq = Tensor.of(new double[] {1, 2}, 2, 1).eq(Tensor.of(1, 2));
        assertArrayEquals(new long[] {2, 2}, eq.shape());
        assertArrayEquals(new double[] {1, 0, 0, 1}, eq.toDoubleArray());

        // predicted ids (INT) against labels stored as whole floats: compared by value
        assertArrayEquals(new double[] {1, 0, 1}, Tensor.ofInts(2, 0, 1).eq(Tensor.of(2, 1, 1)).toDoubleArray());
        // exact, not within a tolerance: 0.1 + 0.2 != 0.3 in fp64
        assertArrayEquals(new double[] {0}, Tensor.ofDouble(new double[] {0.1 + 0.2}).eq(0.3).toDoubleArray());
        // NaN is unequal to everything, itself included
        Tensor nan = Tensor.ofDouble(Double.NaN, 1);
        assertArrayEquals(new double[] {0, 1}, nan.eq(nan).toDoubleArray());
        assertArrayEquals(new double[] {1, 0}, nan.ne(nan).toDoubleArray());
        assertArrayEquals(new long[0], Tensor.of(2.0).gt(1).shape());
        assertEquals(1.0, Tensor.of(2.0).gt(1).item());
        assertTrue(Tensor.of(1, 5).gt(2).toString().contains("BOOL"), Tensor.of(1, 5).gt(2).toString());

        var e = assertThrows(ShapeException.class, () -> Tensor.of(1, 2, 3).eq(Tensor.of(1, 2)));
        assertTrue(e.getMessage().contains("[3] and [2]"), e.getMessage());
    }

    @Test
    void masksCountAndSelect() {
        assertEquals(3, Tensor.ofDouble(0, 1.5, -2, 0, Double.NaN).countNonZero());
        Tensor pred = Tensor.ofInts(1, 1, 0, 2, 2);
        Tensor labels = Tensor.ofInts(1, 0, 0, 2, 1);
        assertEquals(3, pred.eq(labels).countNonZero());
        assertEquals(0, Tensor.zeros(2, 2).countNonZero());
        Tensor x = Tensor.of(-1, 2, -3);
        assertArrayEquals(new double[] {0, 2, 0}, Tensor.where(x.gt(0), x, Tensor.zeros(3)).toDoubleArray());
        assertEquals(1.0 / 3, x.gt(0).toFloat().mean().item(), 1e-7);
    }

    @Test
    void gradientsReadAndSetAsTensors() {
        Tensor w = Tensor.ofDouble(1, 2, 3).requiresGrad(true);
        var none = assertThrows(IllegalStateException.class, w::gradTensor);
        assertTrue(none.getMessage().contains("no backward()"), none.getMessage());

        w.mul(w).sum().backward();                       // d/dw sum(w²) = 2w
        Tensor g = w.gradTensor();
        assertArrayEquals(new double[] {2, 4, 6}, g.toDoubleArray());
        assertFalse(g.requiresGrad());
        w.mul(w).sum().backward();                       // accumulates into w.grad, not into the copy
        assertArrayEquals(new double[] {2, 4, 6}, g.toDoubleArray());
        assertArrayEquals(new double[] {4, 8, 12}, w.gradTensor().toDoubleArray());

        Tensor mine = Tensor.ofDouble(0.5, 0, -1);
        w.setGrad(mine);
        mine.data().assign(9);                           // a copy was stored
        assertArrayEquals(new double[] {0.5, 0, -1}, w.gradTensor().toDoubleArray());
        w.setGrad(null);
        assertNull(w.grad());

        var shape = assertThrows(ShapeException.class, () -> w.setGrad(Tensor.ofDouble(1, 2)));
        assertTrue(shape.getMessage().contains("expected shape [3], got [2]"), shape.getMessage());
        var type = assertThrows(IllegalArgumentException.class, () -> w.setGrad(Tensor.of(1, 2, 3)));
        assertTrue(type.getMessage().contains("DOUBLE") && type.getMessage().contains("FLOAT"), type.getMessage());
    }

    @Test
    void assignCopiesValuesIntoALeaf() {
        Tensor w = Tensor.zeros(2, 2).requiresGrad(true);
        Tensor same = w.assign(Tensor.ofDouble(new double[][] {{1, 2}, {3, 4}}));
        assertSame(w, same);
        assertEquals(DataType.FLOAT, w.dtype());
        assertArrayEquals(new double[] {1, 2, 3, 4}, w.toDoubleArray());
        w.assign(0.5);
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5}, w.toDoubleArray());

        var shape = assertThrows(ShapeException.class, () -> w.assign(Tensor.of(1, 2, 3, 4)));
        assertTrue(shape.getMessage().contains("expected shape [2, 2], got [4]"), shape.getMessage());
        Tensor computed = w.mul(2);
        var graph = assertThrows(IllegalStateException.class, () -> computed.assign(1));
        assertTrue(graph.getMessage().contains("op 'mul'"), graph.getMessage());
    }

    @Test
    void factoriesOwnContiguousData() {
        for (Tensor t : new Tensor[] {Tensor.of(1, 2), Tensor.ofDouble(new double[] {1, 2, 3, 4}, 2, 2),
                Tensor.column(1, 2), Tensor.ofInts(new int[] {1, 2, 3, 4}, 2, 2), Tensor.ofDouble(new double[][] {{1}, {2}})}) {
            assertFalse(t.data().isView(), t.toString());
            assertEquals('c', t.data().ordering());
        }
    }
}
