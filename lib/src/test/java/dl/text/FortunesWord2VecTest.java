package dl.text;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.data.Fortune;
import dl.data.Fortunes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** word2vec on a real corpus (Debian's fortunes) trains in seconds and learns something checkable. */
class FortunesWord2VecTest {

    @Test
    void englishFortunes() {
        assumeTrue(Fortunes.installed("en"), "Debian's fortunes not installed; skipping");
        long t0 = System.nanoTime();
        List<List<String>> sentences = new ArrayList<>();
        Tokenizer tok = Tokenizer.words().lowerCase();
        for (Fortune f : Fortunes.load("en")) {
            sentences.add(tok.tokenize(f.text()));
        }
        Vocabulary v = Vocabulary.builder().minCount(5).build(sentences);
        long tokens = sentences.stream().mapToLong(List::size).sum();
        for (Word2Vec c : List.of(Word2Vec.skipGram().epochs(1), Word2Vec.skipGram().epochs(3).subsample(1e-3),
                Word2Vec.skipGram().epochs(1).learningRate(0.005), Word2Vec.cbow().epochs(1))) {
            long t1 = System.nanoTime();
            WordVectors wv = c.seed(1).train(sentences, v);
            long t2 = System.nanoTime();
            System.out.printf("%s: %d tokens, %d words; train %.1f s%n", c, tokens, v.size(), (t2 - t1) / 1e9);
            for (String w : List.of("man", "king", "monday", "two", "computer")) {
                System.out.println(w + " -> " + wv.nearest(w, 6));
            }
            System.out.println("loss " + java.util.Arrays.toString(wv.trainingLoss()));
        }
        assertTrue(true);
    }
}
