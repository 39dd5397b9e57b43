package dl.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContextWindowsTest {

    private static final List<String> TEN = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");

    @Test
    void windowOfFiveOverTenTokensGivesSixCbowExamples() {
        List<ContextWindows.Cbow<String>> full = ContextWindows.cbow(TEN, 2, true);
        assertEquals(6, full.size());
        assertEquals(new ContextWindows.Cbow<>(List.of("a", "b", "d", "e"), "c"), full.get(0));
        assertEquals("h", full.get(5).centre());
        // clipped windows at the ends as well: one example per token
        List<ContextWindows.Cbow<String>> all = ContextWindows.cbow(TEN, 2, false);
        assertEquals(10, all.size());
        assertEquals(List.of("b", "c"), all.get(0).context());
    }

    @Test
    void skipGramPairsCountByHand() {
        // radius 2 over 10 tokens: 2+3+4·6+3+2 = 34 pairs
        List<ContextWindows.SkipGram<String>> pairs = ContextWindows.skipGram(TEN, 2);
        assertEquals(34, pairs.size());
        assertEquals(new ContextWindows.SkipGram<>("a", "b"), pairs.get(0));
        assertEquals(new ContextWindows.SkipGram<>("a", "c"), pairs.get(1));
        assertThrows(IllegalArgumentException.class, () -> ContextWindows.skipGram(TEN, 0));
    }
}
