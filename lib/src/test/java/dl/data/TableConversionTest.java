package dl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableConversionTest {

    private static Table flowers() {
        return Table.create("flowers",
                DoubleColumn.create("petal", 1.4, 4.7, 6.0, 1.3),
                IntColumn.create("petals", 5, 4, 6, 5),
                StringColumn.create("species", "setosa", "versicolor", "virginica", "setosa"));
    }

    @Test
    void textLabelBecomesSortedClassIds() {
        ArrayDataset d = ArrayDataset.fromTable(flowers(), "species");
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.classNames());
        assertArrayEquals(new int[] {0, 1, 2, 0}, d.labels());
        assertArrayEquals(new long[] {4, 2}, d.x().shape());
        assertArrayEquals(new float[] {6.0f, 6f}, d.x().getRow(2).toFloatVector());
    }

    @Test
    void namedFeaturesOnly() {
        ArrayDataset d = ArrayDataset.fromTable(flowers(), "species", "petals");
        assertArrayEquals(new float[] {5, 4, 6, 5}, d.x().reshape(4).toFloatVector());
    }

    @Test
    void integerLabelsRoundTripThroughATable() {
        ArrayDataset d = ArrayDatasetTest.rows(7);
        Table t = d.toTable("rows");
        assertEquals(List.of("x0", "x1", "x2", "label"), t.columnNames());
        assertEquals(105.0, t.doubleColumn("x1").get(5));
        ArrayDataset back = ArrayDataset.fromTable(t, "label");
        assertEquals(d.x(), back.x());
        assertArrayEquals(d.labels(), back.labels());
    }

    @Test
    void decimalLabelIsARegressionTarget() {
        Table t = Table.create("t", DoubleColumn.create("x", 1, 2, 3), DoubleColumn.create("y", 0.5, 1.5, 2.5));
        ArrayDataset d = ArrayDataset.fromTable(t, "y");
        assertEquals(0, d.numClasses());
        assertArrayEquals(new long[] {3, 1}, d.y().shape());
        assertEquals(2.5f, d.y().getFloat(2, 0));
        assertEquals(List.of("x0", "y"), d.toTable("back").columnNames());
    }

    @Test
    void nonNumericFeatureIsRejectedByName() {
        Table t = flowers().addColumns(StringColumn.create("colour", "white", "blue", "blue", "white"));
        var e = assertThrows(IllegalArgumentException.class, () -> ArrayDataset.fromTable(t, "species"));
        assertTrue(e.getMessage().contains("'colour'") && e.getMessage().contains("STRING")
                && e.getMessage().contains("numeric"), e.getMessage());
    }

    @Test
    void missingValueIsRejectedWithItsRow() {
        Table t = flowers();
        t.doubleColumn("petal").setMissing(2);
        var e = assertThrows(IllegalArgumentException.class, () -> ArrayDataset.fromTable(t, "species"));
        assertTrue(e.getMessage().contains("'petal'") && e.getMessage().contains("row 2"), e.getMessage());
    }

    @Test
    void unknownColumnListsTheColumns() {
        var e = assertThrows(IllegalArgumentException.class, () -> ArrayDataset.fromTable(flowers(), "kind"));
        assertTrue(e.getMessage().contains("no column 'kind'") && e.getMessage().contains("species"), e.getMessage());
    }

    @Test
    void imagesMustBeFlattenedForATable() {
        ArrayDataset d = ArrayDataset.of(org.nd4j.linalg.factory.Nd4j.zeros(2, 2, 2), new int[] {0, 1}, 2);
        var e = assertThrows(IllegalArgumentException.class, () -> d.toTable("t"));
        assertTrue(e.getMessage().contains("flatten"), e.getMessage());
    }
}
