package dl.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dl.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class BagOfWordsTest {

    private static final List<List<String>> DOCS = List.of(
            List.of("мама", "мыла", "раму"), List.of("мама", "мама", "спит"));

    @Test
    void oneHotTimesMatrixPicksTheRow() {
        double[][] e = OneHot.rows(new int[] {2, 0}, 3);
        assertArrayEquals(new double[] {0, 0, 1}, e[0]);
        assertArrayEquals(new double[] {1, 0, 0}, e[1]);
        double[][] u = {{1, 2}, {3, 4}, {5, 6}};
        double[] picked = new double[2];
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 2; j++) {
                picked[j] += e[0][k] * u[k][j];
            }
        }
        assertArrayEquals(u[2], picked);
        Tensor t = OneHot.tensor(new int[] {1, 1, 0}, 2);
        assertArrayEquals(new long[] {3, 2}, t.shape());
        assertEquals(1.0, t.data().getDouble(0, 1));
        assertThrows(IllegalArgumentException.class, () -> OneHot.rows(new int[] {3}, 3));
    }

    @Test
    void oneHotTableHasARowPerToken() {
        Vocabulary v = Vocabulary.of(DOCS);
        Table t = OneHot.table(List.of("мама", "кот"), v);
        assertEquals(2, t.rowCount());
        assertEquals(1 + v.size(), t.columnCount());
        assertEquals(1.0, t.doubleColumn("мама").get(0));
        assertEquals(1.0, t.doubleColumn("<unk>").get(1));
    }

    @Test
    void countsAndBinaryBags() {
        Vocabulary v = Vocabulary.of(DOCS);   // мама 3, мыла 1, раму 1, спит 1
        BagOfWords bag = BagOfWords.of(v);
        assertEquals(List.of("мама", "мыла", "раму", "спит"), bag.featureNames());
        double[][] c = bag.counts(List.of(List.of("мама", "мама", "спит", "кот"), List.of()));
        assertArrayEquals(new double[] {2, 0, 0, 1}, c[0]);
        assertArrayEquals(new double[] {0, 0, 0, 0}, c[1]);
        assertArrayEquals(new double[] {1, 0, 0, 1}, bag.binary().counts(List.of(List.of("мама", "мама", "спит")))[0]);
        Table t = bag.table(DOCS);
        assertEquals(List.of("doc", "мама", "мыла", "раму", "спит"), t.columnNames());
        assertEquals(2.0, t.doubleColumn("мама").get(1));
        assertArrayEquals(new long[] {2, 4}, bag.tensor(DOCS).shape());
    }

    @Test
    void aTokenNamedDocGetsAUniqueColumn() {
        List<List<String>> docs = List.of(List.of("doc", "x"));
        Table t = BagOfWords.of(Vocabulary.of(docs)).table(docs);
        assertEquals(List.of("doc", "doc'", "x"), t.columnNames());
    }
}
