package dl.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * word2vec learns: on a small generated corpus where animals, fruits and vehicles appear in
 * their own kinds of sentences, words of one kind end up closer to each other than to words of
 * another kind, for every architecture and objective.
 */
class Word2VecLearningTest {

    static final List<List<String>> GROUPS = List.of(
            List.of("cat", "dog", "horse", "cow", "sheep"),
            List.of("apple", "pear", "plum", "cherry", "peach"),
            List.of("car", "bus", "truck", "tram", "bike"));

    static final List<List<String>> TEMPLATES = List.of(
            List.of("the X eats grass in the field", "a X sleeps near the barn", "my X runs and jumps over the fence"),
            List.of("the X is sweet and ripe", "a X grows on the tree in the orchard", "we eat a juicy X"),
            List.of("the X drives on the road", "a X needs fuel and a driver", "my X is parked in the garage"));

    /** Sentences from the templates, each with a random word of its group. */
    static List<List<String>> corpus(int sentences, long seed) {
        Random rng = new Random(seed);
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < sentences; i++) {
            int g = rng.nextInt(GROUPS.size());
            String template = TEMPLATES.get(g).get(rng.nextInt(TEMPLATES.get(g).size()));
            String word = GROUPS.get(g).get(rng.nextInt(GROUPS.get(g).size()));
            out.add(List.of(template.replace("X", word).split(" ")));
        }
        return out;
    }

    /** Mean cosine within the groups minus mean cosine across them, and the share of words whose nearest group word is of their own group. */
    static double[] separation(WordVectors wv) {
        double within = 0;
        double across = 0;
        int nWithin = 0;
        int nAcross = 0;
        int nearestOwn = 0;
        int words = 0;
        for (int g = 0; g < GROUPS.size(); g++) {
            for (String a : GROUPS.get(g)) {
                double best = -2;
                boolean own = false;
                for (int h = 0; h < GROUPS.size(); h++) {
                    for (String b : GROUPS.get(h)) {
                        if (a.equals(b)) {
                            continue;
                        }
                        double s = wv.similarity(a, b);
                        if (g == h) {
                            within += s;
                            nWithin++;
                        } else {
                            across += s;
                            nAcross++;
                        }
                        if (s > best) {
                            best = s;
                            own = g == h;
                        }
                    }
                }
                words++;
                nearestOwn += own ? 1 : 0;
            }
        }
        return new double[] {within / nWithin - across / nAcross, (double) nearestOwn / words};
    }

    private static void assertLearns(Word2Vec config) {
        List<List<String>> sentences = corpus(2000, 11);
        Vocabulary v = Vocabulary.of(sentences);
        WordVectors wv = config.train(sentences, v);
        double[] sep = separation(wv);
        double[] loss = wv.trainingLoss();
        assertTrue(loss[loss.length - 1] < loss[0], config + ": loss per epoch " + java.util.Arrays.toString(loss));
        assertTrue(sep[0] > 0.3, config + ": mean cosine within groups minus across = " + sep[0]);
        assertEquals(1.0, sep[1], 0.0, config + ": share of words whose nearest neighbour is of their group");
        // a case that must differ: untrained vectors show no such structure
        double[] untrained = separation(config.epochs(1).learningRate(1e-12).train(sentences, v));
        assertTrue(Math.abs(untrained[0]) < 0.1, config + ": untrained separation " + untrained[0]);
    }

    @Test
    void skipGramWithNegativeSampling() {
        assertLearns(Word2Vec.skipGram().dimension(20).window(3).negatives(5).epochs(5).seed(1));
    }

    @Test
    void cbowWithNegativeSampling() {
        assertLearns(Word2Vec.cbow().dimension(20).window(3).negatives(5).epochs(5).seed(2));
    }

    @Test
    void skipGramWithFullSoftmax() {
        assertLearns(Word2Vec.skipGram().dimension(20).window(3).fullSoftmax().epochs(5).seed(3));
    }

    @Test
    void cbowWithFullSoftmax() {
        assertLearns(Word2Vec.cbow().dimension(20).window(3).fullSoftmax().epochs(5).seed(4));
    }

    @Test
    void withSubsampling() {
        assertLearns(Word2Vec.skipGram().dimension(20).window(3).subsample(1e-2).epochs(5).seed(5));
    }

    @Test
    void subsamplingKeepProbabilityByHand() {
        // f = 100/1000 = 0.1, t = 0.001: (sqrt(100) + 1) * 0.01 = 0.11
        assertEquals(0.11, Word2VecTraining.keepProbability(100, 1000, 1e-3), 1e-15);
        assertEquals(1.0, Word2VecTraining.keepProbability(1, 1000, 1e-3), 0.0);
        assertEquals(1.0, Word2VecTraining.keepProbability(100, 1000, 0), 0.0);
    }

    @Test
    void sameSeedSameVectorsOtherSeedOtherVectors() {
        List<List<String>> sentences = corpus(300, 3);
        Vocabulary v = Vocabulary.of(sentences);
        Word2Vec config = Word2Vec.skipGram().dimension(8).epochs(2).subsample(1e-2);
        double[] a = config.seed(9).train(sentences, v).vector("cat");
        double[] b = config.seed(9).train(sentences, v).vector("cat");
        double[] c = config.seed(10).train(sentences, v).vector("cat");
        assertArrayEquals(a, b, 0.0);
        assertFalse(java.util.Arrays.equals(a, c));
    }

    @Test
    void subwordVectorsAnswerForUnknownWords() {
        List<List<String>> sentences = corpus(2000, 12);
        Vocabulary v = Vocabulary.of(sentences);
        WordVectors plain = Word2Vec.skipGram().dimension(20).window(3).epochs(5).seed(6).train(sentences, v);
        var e = assertThrows(IllegalArgumentException.class, () -> plain.vector("cats"));
        assertTrue(e.getMessage().contains("subwords"), e.getMessage());
        WordVectors sub = Word2Vec.skipGram().dimension(20).window(3).epochs(5).subwords(3, 6, 5000).seed(6)
                .train(sentences, v);
        assertFalse(v.contains("cats"));
        assertTrue(sub.covers("cats"));
        // each unknown plural is nearest to a word of its own group
        int own = 0;
        int total = 0;
        List<String> misses = new ArrayList<>();
        for (int g = 0; g < GROUPS.size(); g++) {
            for (String w : GROUPS.get(g)) {
                String plural = w + "s";
                double best = -2;
                int bestGroup = -1;
                for (int h = 0; h < GROUPS.size(); h++) {
                    for (String b : GROUPS.get(h)) {
                        double s = WordVectors.cosine(sub.vector(plural), sub.vector(b));
                        if (s > best) {
                            best = s;
                            bestGroup = h;
                        }
                    }
                }
                own += bestGroup == g ? 1 : 0;
                total++;
                if (bestGroup != g) {
                    misses.add(plural);
                }
            }
        }
        // by chance 4 of the 14 other words share the group: about 4 of 15 hits
        assertTrue(own >= 12, "unknown plurals nearest to their own group: " + own + " of " + total + ", misses " + misses);
        System.out.println("subwords: " + own + " of " + total + " unknown plurals nearest to their own group; misses " + misses);
        double[] sep = separation(sub);
        System.out.println("subwords: separation " + sep[0] + ", nearest in own group " + sep[1]);
        assertTrue(sep[0] > 0.15 && sep[1] >= 0.8, "subword model: separation " + sep[0] + ", nearest in own group " + sep[1]);
    }

    @Test
    void badOptionsAreExplained() {
        assertThrows(IllegalArgumentException.class, () -> Word2Vec.skipGram().dimension(0));
        assertThrows(IllegalArgumentException.class, () -> Word2Vec.skipGram().learningRate(-1));
        assertThrows(IllegalArgumentException.class, () -> Word2Vec.skipGram().subwords(3, 2, 10));
        var e = assertThrows(IllegalArgumentException.class,
                () -> Word2Vec.skipGram().train(List.of(List.of("x")), Vocabulary.of(List.of(List.of("x")))));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
    }
}
