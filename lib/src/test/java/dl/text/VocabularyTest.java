package dl.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class VocabularyTest {

    // counts: the 4, cat 2, sat 2, a 1, mat 1, on 1, dog 1
    private static final List<List<String>> DOCS = List.of(
            List.of("the", "cat", "sat", "on", "the", "mat"),
            List.of("the", "dog", "sat"),
            List.of("a", "cat", "the"));

    @Test
    void idsAreSpecialsThenFrequencyThenAlphabetical() {
        Vocabulary v = Vocabulary.of(DOCS);
        assertEquals(List.of("<pad>", "<unk>", "the", "cat", "sat", "a", "dog", "mat", "on"), v.tokens());
        assertEquals(0, v.padId());
        assertEquals(1, v.unkId());
        assertEquals(4, v.count("the"));
        assertEquals(2, v.count("sat"));
        assertEquals(0, v.count("zebra"));
    }

    @Test
    void idsDoNotDependOnDocumentOrder() {
        List<List<String>> reversed = List.of(DOCS.get(2), DOCS.get(1), DOCS.get(0));
        assertEquals(Vocabulary.of(DOCS).tokens(), Vocabulary.of(reversed).tokens());
    }

    @Test
    void boundariesReserveIdsTwoAndThree() {
        Vocabulary v = Vocabulary.builder().boundaries().build(DOCS);
        assertEquals(List.of("<pad>", "<unk>", "<bos>", "<eos>", "the", "cat"), v.tokens().subList(0, 6));
        assertArrayEquals(new int[] {2, 4, 5, 1, 3}, v.encodeWithBoundaries(List.of("the", "cat", "zebra")));
    }

    @Test
    void minCountAndMaxSizeCutTheRareTokens() {
        Vocabulary min2 = Vocabulary.builder().minCount(2).build(DOCS);
        assertEquals(List.of("<pad>", "<unk>", "the", "cat", "sat"), min2.tokens());
        Vocabulary max4 = Vocabulary.builder().maxSize(4).build(DOCS);
        assertEquals(List.of("<pad>", "<unk>", "the", "cat"), max4.tokens());
        assertArrayEquals(new int[] {2, 1, 1}, max4.encode(List.of("the", "sat", "zebra")));
    }

    @Test
    void encodeDecodeRoundTrip() {
        Vocabulary v = Vocabulary.of(DOCS);
        int[] ids = v.encode(List.of("a", "dog", "on", "the", "moon"));
        assertArrayEquals(new int[] {5, 6, 8, 2, 1}, ids);
        assertEquals(List.of("a", "dog", "on", "the", "<unk>"), v.decode(ids));
    }

    @Test
    void paddedRowsAreCutOrFilledWithPad() {
        Vocabulary v = Vocabulary.of(DOCS);
        int[][] rows = v.encodePadded(List.of(List.of("the", "cat", "sat", "on"), List.of("dog")), 3);
        assertArrayEquals(new int[] {2, 3, 4}, rows[0]);
        assertArrayEquals(new int[] {6, 0, 0}, rows[1]);
    }

    @Test
    void cyrillicTokensAreOrderedAlphabeticallyAmongEqualCounts() {
        Vocabulary v = Vocabulary.of(List.of(Tokenizer.words().lowerCase().tokenize("Яблоко, арбуз и Вишня")));
        assertEquals(List.of("<pad>", "<unk>", "арбуз", "вишня", "и", "яблоко"), v.tokens());
    }

    @Test
    void tableListsIdTokenCount() {
        Table t = Vocabulary.of(DOCS).table();
        assertEquals(9, t.rowCount());
        assertEquals("the", t.stringColumn("token").get(2));
        assertEquals(4, t.intColumn("count").get(2));
    }

    @Test
    void badArgumentsAreExplained() {
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.builder().minCount(0));
        var e = assertThrows(IllegalArgumentException.class, () -> Vocabulary.builder().maxSize(1).build(DOCS));
        assertTrue(e.getMessage().contains("maxSize must be >= 2"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> Vocabulary.of(DOCS).bosId());
        assertThrows(IndexOutOfBoundsException.class, () -> Vocabulary.of(DOCS).token(9));
    }
}
