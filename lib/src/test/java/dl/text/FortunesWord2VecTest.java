package dl.text;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dl.data.Fortune;
import dl.data.Fortunes;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * word2vec on a real corpus: the 15,217 English fortunes of Debian's fortunes packages
 * (about 434,000 word tokens, 7,700 words seen 5 times or more), one epoch of skip-gram.
 * It prints the training time (wall and CPU) and checks pairs that co-occur with the same
 * words: each related pair must be closer than the same word with an unrelated one.
 */
class FortunesWord2VecTest {

    @Test
    void englishFortunesOneEpochOfSkipGram() {
        assumeTrue(Fortunes.installed("en"), "Debian's fortunes not installed (apt-get install fortunes fortunes-min); skipping");
        List<List<String>> sentences = new ArrayList<>();
        Tokenizer tok = Tokenizer.words().lowerCase();
        for (Fortune f : Fortunes.load("en")) {
            sentences.add(tok.tokenize(f.text()));
        }
        Vocabulary v = Vocabulary.builder().minCount(5).build(sentences);
        long tokens = sentences.stream().mapToLong(List::size).sum();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long wall0 = System.nanoTime();
        long cpu0 = cpu.getCurrentThreadCpuTime();
        WordVectors wv = Word2Vec.skipGram().dimension(50).window(5).negatives(5).epochs(1).seed(1).train(sentences, v);
        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpu0) / 1e9;
        System.out.printf("fortunes en: %d texts, %d tokens, %d ids; skip-gram d=50 window 5 k=5, 1 epoch:"
                + " %.1f s wall, %.1f s CPU, loss %.3f%n", sentences.size(), tokens, v.size(), wall, cpuSeconds,
                wv.trainingLoss()[0]);
        String[][] triples = {   // word, related, unrelated
            {"man", "woman", "computer"}, {"two", "three", "woman"}, {"computer", "system", "woman"},
            {"he", "she", "three"}};
        for (String[] t : triples) {
            double related = wv.similarity(t[0], t[1]);
            double unrelated = wv.similarity(t[0], t[2]);
            System.out.printf("  cos(%s, %s) = %.3f  cos(%s, %s) = %.3f   nearest: %s%n", t[0], t[1], related, t[0],
                    t[2], unrelated, wv.nearest(t[0], 5));
            assertTrue(related > unrelated, t[0] + ": " + t[1] + " " + related + " should beat " + t[2] + " " + unrelated);
        }
    }
}
