package dl.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void wordsDropPunctuationAndKeepInnerApostrophesAndHyphens() {
        assertEquals(List.of("Don't", "panic", "it's", "well-known", "42"),
                Tokenizer.words().tokenize("Don't panic -- it's well-known: 42!"));
    }

    @Test
    void leadingAndTrailingJoinersAreNotPartOfAWord() {
        assertEquals(List.of("rock", "n", "roll", "x"), Tokenizer.words().tokenize("'rock 'n' roll- -x"));
    }

    @Test
    void cyrillicAndAccentedLettersAreLetters() {
        assertEquals(List.of("Из-за", "угла", "выехал", "café", "naïve"),
                Tokenizer.words().tokenize("«Из-за угла» выехал… café, naïve."));
    }

    @Test
    void lowerCaseIsLocaleIndependent() {
        assertEquals(List.of("война", "и", "мир", "istanbul"),
                Tokenizer.words().lowerCase().tokenize("ВОЙНА И МИР, ISTANBUL"));
    }

    @Test
    void punctuationCanBeKeptAsSeparateTokens() {
        assertEquals(List.of("Hi", ",", "you", "!", "$", "5"),
                Tokenizer.words().keepPunctuation().tokenize("Hi, you!\n\t$5"));
    }

    @Test
    void charactersAreCodePointsIncludingSpaces() {
        assertEquals(List.of("д", "а", " ", "!", "😀"), Tokenizer.characters().lowerCase().tokenize("Да !😀"));
        assertEquals(5, Tokenizer.characters().tokenize("Да !😀").size());
    }

    @Test
    void combiningMarksStayInTheWord() {
        // "й" written as и + combining breve (U+0306)
        assertEquals(List.of("мои\u0306", "дом"), Tokenizer.words().tokenize("мои\u0306 дом"));
    }

    @Test
    void badInputIsExplained() {
        assertThrows(IllegalArgumentException.class, () -> Tokenizer.words().tokenize(null));
        assertThrows(IllegalStateException.class, () -> Tokenizer.characters().keepPunctuation());
    }
}
