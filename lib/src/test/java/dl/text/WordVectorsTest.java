package dl.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.Table;

/** Similarity, neighbours, analogies and the 2-D map on hand-made vectors. */
class WordVectorsTest {

    // axes: royal, male, female, fruit
    private static final List<String> WORDS = List.of("king", "queen", "man", "woman", "apple", "prince");
    private static final double[][] ROWS = {
        {0, 0, 0, 0}, {0, 0, 0, 0},          // <pad>, <unk>
        {1, 1, 0, 0}, {1, 0, 1, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}, {0.9, 1, 0, 0.1}};

    private static WordVectors vectors() {
        // every word once: ties in count, so ids follow the alphabet
        Vocabulary v = Vocabulary.of(List.of(WORDS));
        double[][] rows = new double[v.size()][];
        rows[0] = ROWS[0];
        rows[1] = ROWS[1];
        for (int i = 0; i < WORDS.size(); i++) {
            rows[v.id(WORDS.get(i))] = ROWS[2 + i];
        }
        return WordVectors.of(v, rows);
    }

    @Test
    void cosineByHand() {
        WordVectors wv = vectors();
        assertEquals(0.5, wv.similarity("king", "queen"), 1e-15);      // (1·1) / (√2 √2)
        assertEquals(1 / Math.sqrt(2), wv.similarity("king", "man"), 1e-15);
        assertEquals(0.0, wv.similarity("king", "apple"), 0.0);
        assertEquals(0.0, WordVectors.cosine(new double[] {0, 0}, new double[] {1, 0}), 0.0);
        assertThrows(IllegalArgumentException.class, () -> WordVectors.cosine(new double[1], new double[2]));
    }

    @Test
    void nearestIsSortedAndLeavesOutTheWordAndTheSpecials() {
        WordVectors wv = vectors();
        List<WordVectors.Neighbor> n = wv.nearest("king", 3);
        assertEquals(List.of("prince", "man", "queen"), n.stream().map(WordVectors.Neighbor::word).toList());
        double prince = (0.9 + 1) / (Math.sqrt(2) * Math.sqrt(0.81 + 1 + 0.01));
        assertEquals(prince, n.get(0).similarity(), 1e-15);
        assertEquals(5, wv.nearest("king", 100).size(), "all words but king; no <pad>, <unk>");
    }

    @Test
    void kingMinusManPlusWomanIsQueen() {
        WordVectors wv = vectors();
        List<WordVectors.Neighbor> a = wv.analogy("king", "man", "woman", 2);
        assertEquals("queen", a.get(0).word());
        // û_king − û_man + û_woman = (1/√2, 1/√2 − 1, 1, 0); cos with queen (1, 0, 1, 0)/√2
        double[] q = {1 / Math.sqrt(2), 1 / Math.sqrt(2) - 1, 1, 0};
        assertEquals(WordVectors.cosine(q, new double[] {1, 0, 1, 0}), a.get(0).similarity(), 1e-15);
        assertTrue(a.stream().noneMatch(x -> List.of("king", "man", "woman").contains(x.word())));
    }

    @Test
    void projectionOfPlanarPointsKeepsTheirDistances() {
        // vectors in a 2-D plane of R^4: PCA to 2-D is a rotation of them, so distances stay
        Vocabulary v = Vocabulary.of(List.of(List.of("a", "b", "c", "d")));
        double[] e1 = {0.5, 0.5, 0.5, 0.5};
        double[] e2 = {0.5, -0.5, 0.5, -0.5};
        double[][] coords = {{0, 0}, {0, 0}, {1, 2}, {-3, 0.5}, {2, -1}, {0, 4}};
        double[][] rows = new double[6][4];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 4; j++) {
                rows[i][j] = coords[i][0] * e1[j] + coords[i][1] * e2[j];
            }
        }
        WordVectors wv = WordVectors.of(v, rows);
        List<String> words = List.of("a", "b", "c", "d");
        INDArray p = wv.project2d(words);
        assertArrayEquals(new long[] {4, 2}, p.shape());
        for (int i = 0; i < 4; i++) {
            for (int k = 0; k < 4; k++) {
                double[] ci = coords[v.id(words.get(i))];
                double[] ck = coords[v.id(words.get(k))];
                double expected = Math.hypot(ci[0] - ck[0], ci[1] - ck[1]);
                double actual = Math.hypot(p.getDouble(i, 0) - p.getDouble(k, 0), p.getDouble(i, 1) - p.getDouble(k, 1));
                assertEquals(expected, actual, 1e-9, words.get(i) + "-" + words.get(k));
            }
        }
        Table t = wv.projectionTable(words);
        assertEquals(List.of("word", "x", "y"), t.columnNames());
        assertEquals(p.getDouble(2, 1), t.doubleColumn("y").get(2), 0.0);
    }

    @Test
    void tensorHoldsEveryRowInIdOrder() {
        WordVectors wv = vectors();
        var t = wv.tensor();
        assertArrayEquals(new long[] {8, 4}, t.shape());
        int queen = wv.vocabulary().id("queen");
        assertEquals(1.0, t.data().getDouble(queen, 2), 0.0);
        assertEquals(0.9, wv.matrix(List.of("prince")).getDouble(0, 0), 0.0);
    }

    @Test
    void unknownWordsAndBadShapesAreExplained() {
        WordVectors wv = vectors();
        var e = assertThrows(IllegalArgumentException.class, () -> wv.vector("emperor"));
        assertTrue(e.getMessage().contains("not in the vocabulary"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> wv.vector("<unk>"));
        assertThrows(IllegalArgumentException.class, () -> wv.nearest(new double[3], 1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> WordVectors.of(wv.vocabulary(), new double[2][4]));
    }
}
