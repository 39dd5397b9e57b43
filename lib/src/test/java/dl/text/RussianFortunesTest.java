package dl.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dl.data.Fortune;
import dl.data.Fortunes;
import java.lang.Character.UnicodeScript;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text tools on real Russian text (Debian's fortunes-ru). */
class RussianFortunesTest {

    @Test
    void cyrillicWordsTokenizeAndTheMostFrequentAreTheKnownFunctionWords() {
        assumeTrue(Fortunes.installed("ru"), "Debian's fortunes-ru not installed (apt-get install fortunes-ru); skipping");
        List<Fortune> fortunes = Fortunes.load("ru");
        List<List<String>> docs = Tokenizer.words().lowerCase().tokenizeAll(fortunes.stream().map(Fortune::text).toList());
        Vocabulary v = Vocabulary.builder().minCount(3).build(docs);
        List<String> top = v.tokens().subList(v.specialCount(), v.specialCount() + 10);
        System.out.println("fortunes ru: " + docs.size() + " texts, " + v.size() + " ids; most frequent " + top);
        // the most frequent words of Russian text are the conjunction и, the prepositions в, на and the particle не
        for (String w : List.of("и", "в", "не", "на")) {
            assertTrue(top.contains(w), w + " should be among the 10 most frequent: " + top);
        }
        // every word token of the ten most frequent is Cyrillic, and upper case has been folded
        for (String w : top) {
            assertTrue(w.codePoints().allMatch(cp -> Character.isDigit(cp)
                    || UnicodeScript.of(cp) == UnicodeScript.CYRILLIC), w);
            assertEquals(w.toLowerCase(java.util.Locale.ROOT), w);
        }
        // the character vocabulary holds the Cyrillic alphabet
        Vocabulary chars = Vocabulary.of(Tokenizer.characters().lowerCase().tokenizeAll(
                fortunes.subList(0, 2000).stream().map(Fortune::text).toList()));
        for (char c = 'а'; c <= 'я'; c++) {
            assertTrue(chars.contains(String.valueOf(c)), "character " + c);
        }
    }
}
