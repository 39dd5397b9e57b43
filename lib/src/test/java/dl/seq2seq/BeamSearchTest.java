package dl.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.Course;
import dl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Greedy decoding and beam search: the course's worked example, and never worse than greedy. */
class BeamSearchTest {

    static final int A = 0;
    static final int B = 1;
    static final int END = 2;

    /**
     * Step one: A 0.5, B 0.4 (end 0.1). After A the best is 0.4, after B 0.9; after two tokens the
     * sequence ends. Greedy takes A, A: 0.5·0.4 = 0.2; a beam of 2 keeps B and finds B, A: 0.36.
     */
    static final class Table implements StepModel<List<int[]>> {
        @Override
        public Step<List<int[]>> next(int[] last, List<int[]> prefixes) {
            double[][] lp = new double[last.length][];
            List<int[]> after = new ArrayList<>();
            for (int b = 0; b < last.length; b++) {
                int[] p = prefixes.get(b);
                double[] probs;
                if (p.length == 0) {
                    probs = new double[] {0.5, 0.4, 0.1};
                } else if (p.length == 1) {
                    probs = p[0] == A ? new double[] {0.4, 0.3, 0.3} : new double[] {0.9, 0.05, 0.05};
                } else {
                    probs = new double[] {0, 0, 1};
                }
                lp[b] = new double[3];
                for (int v = 0; v < 3; v++) {
                    lp[b][v] = Math.log(probs[v]);
                }
                after.add(p);
            }
            return new Step<>(lp, after);
        }

        @Override
        public List<int[]> select(List<int[]> state, int[] rows) {
            // the state of a child: its parent's prefix plus the token chosen (recovered by the caller's order)
            List<int[]> out = new ArrayList<>();
            for (int r : rows) {
                out.add(state.get(r));
            }
            return out;
        }
    }

    /** The table's prefixes must grow with the chosen tokens: wrap it so the state tracks them. */
    static final class Tracked implements StepModel<List<int[]>> {
        private final Table table = new Table();
        private int[] lastChosen;

        @Override
        public Step<List<int[]>> next(int[] last, List<int[]> prefixes) {
            List<int[]> grown = new ArrayList<>();
            for (int b = 0; b < last.length; b++) {
                int[] p = prefixes.get(b);
                if (last[b] == -1) {
                    grown.add(p);
                } else {
                    int[] q = java.util.Arrays.copyOf(p, p.length + 1);
                    q[p.length] = last[b];
                    grown.add(q);
                }
            }
            return table.next(last, grown);
        }

        @Override
        public List<int[]> select(List<int[]> state, int[] rows) {
            return table.select(state, rows);
        }
    }

    @Test
    void courseExampleGreedyVersusBeam() {
        Tracked model = new Tracked();
        Hypothesis greedy = BeamSearch.greedy(model, List.of(new int[0]), -1, END, 5);
        assertArrayEquals(new int[] {A, A, END}, greedy.tokens());
        assertEquals(0.2, Math.exp(greedy.logProb()), 1e-12);
        Hypothesis beam = BeamSearch.beam(model, List.of(new int[0]), -1, END, 5, 2, 0);
        assertArrayEquals(new int[] {B, A, END}, beam.tokens());
        assertEquals(0.36, Math.exp(beam.logProb()), 1e-12);
        Hypothesis one = BeamSearch.beam(model, List.of(new int[0]), -1, END, 5, 1, 0);
        assertArrayEquals(greedy.tokens(), one.tokens(), "a beam of width 1 is greedy");
    }

    @Test
    void lengthNormalizationPrefersLongerWhenAlphaGrows() {
        Hypothesis shortOne = new Hypothesis(new int[] {1, END}, -1.0);
        Hypothesis longOne = new Hypothesis(new int[] {1, 2, 3, 4, END}, -1.8);
        assertTrue(shortOne.score(0) > longOne.score(0));
        assertTrue(shortOne.score(1) < longOne.score(1)); // -0.5 against -0.36
        assertEquals(-1.8 / Math.pow(5, 0.6), longOne.score(0.6), 1e-15);
    }

    /** Untrained models on random sources: the beam's sequence never has a lower log-probability than greedy's. */
    @Test
    void beamNeverScoresBelowGreedy() {
        Course.seed(21);
        int strictlyBetter = 0;
        int cases = 0;
        for (int m = 0; m < 2; m++) {
            Seq2Seq model = new Seq2Seq(6, 5, 8, 12, m % 2 == 0);
            model.toDouble();
            Tensor src = new Tensor(Nd4j.rand(DataType.DOUBLE, 6, 4).muli(6).castTo(DataType.INT32).castTo(DataType.DOUBLE));
            for (int row = 0; row < 6; row++) {
                Hypothesis g = model.greedyHypothesis(src, row, 6);
                for (int width : new int[] {3}) {
                    Hypothesis b = model.beam(src, row, width, 0, 6);
                    // both scores recomputed independently by teacher-forcing the tokens
                    assertEquals(model.logProb(src, row, g.tokens()), g.logProb(), 1e-9);
                    assertEquals(model.logProb(src, row, b.tokens()), b.logProb(), 1e-9);
                    assertTrue(b.logProb() >= g.logProb() - 1e-12, "beam " + b + " below greedy " + g);
                    strictlyBetter += b.logProb() > g.logProb() + 1e-9 ? 1 : 0;
                    cases++;
                }
            }
        }
        System.out.println("beam search found a better sequence than greedy in " + strictlyBetter + " of " + cases + " cases");
        assertTrue(strictlyBetter > 0, "beam search should sometimes beat greedy on untrained models");
    }
}
