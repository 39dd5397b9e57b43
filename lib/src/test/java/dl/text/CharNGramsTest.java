package dl.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CharNGramsTest {

    @Test
    void trigramsOfWhereWithBoundaries() {
        assertEquals(List.of("<wh", "whe", "her", "ere", "re>"), CharNGrams.of("where", 3, 3));
    }

    @Test
    void threeToSixGramsOfWhereAreFourteen() {
        List<String> grams = CharNGrams.of("where", 3, 6);
        assertEquals(14, grams.size());
        assertEquals(List.of("<whe", "wher", "here", "ere>"), grams.subList(5, 9));
        assertEquals(List.of("<where", "where>"), grams.subList(12, 14));
    }

    @Test
    void cyrillicAndSupplementaryCharactersCountAsOneEach() {
        assertEquals(List.of("<ко", "кот", "от>"), CharNGrams.of("кот", 3, 3));
        assertEquals(List.of("<😀>"), CharNGrams.of("😀", 3, 3));
        assertEquals(List.of(), CharNGrams.of("ab", 5, 6));
    }

    @Test
    void fnv1aMatchesThePublishedTestVectors() {
        // FNV-1a 32-bit test vectors (Fowler, Noll, Vo)
        assertEquals(0x811c9dc5L, CharNGrams.fnv1a(""));
        assertEquals(0xe40c292cL, CharNGrams.fnv1a("a"));
        assertEquals(0xbf9cf968L, CharNGrams.fnv1a("foobar"));
        assertEquals(0xbf9cf968L % 1000, CharNGrams.bucket("foobar", 1000));
    }

    @Test
    void badRangesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> CharNGrams.of("x", 0, 3));
        assertThrows(IllegalArgumentException.class, () -> CharNGrams.of("x", 4, 3));
        assertThrows(IllegalArgumentException.class, () -> CharNGrams.of("", 3, 6));
        assertThrows(IllegalArgumentException.class, () -> CharNGrams.bucket("x", 0));
    }
}
