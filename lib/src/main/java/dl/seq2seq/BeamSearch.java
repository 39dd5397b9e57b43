package dl.seq2seq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Greedy decoding and beam search over a {@link StepModel}, for one source sequence.
 *
 * <p>Greedy takes the most likely token at every step. Beam search keeps the {@code width} best
 * prefixes by log-probability; a prefix that produces the end token is finished. It stops when
 * {@code width} hypotheses have finished or after {@code maxLen} tokens, and returns the best
 * finished one by score = log p / length^α (α = 0: plain log-probability, which favours short
 * outputs; α ≈ 0.6–1 normalizes for length). The greedy sequence is a candidate too, so beam
 * search never returns a hypothesis that scores below greedy's (plain beam search could: it may
 * prune the greedy prefix early).
 */
public final class BeamSearch {

    private BeamSearch() {}

    /** The greedy decoding from {@code initial} (one row) starting with token {@code start}. */
    public static <S> Hypothesis greedy(StepModel<S> model, S initial, int start, int end, int maxLen) {
        checkLength(maxLen);
        List<Integer> tokens = new ArrayList<>();
        double logProb = 0;
        int last = start;
        S state = initial;
        for (int t = 0; t < maxLen; t++) {
            StepModel.Step<S> step = model.next(new int[] {last}, state);
            double[] lp = step.logProbs()[0];
            int best = argmax(lp);
            logProb += lp[best];
            tokens.add(best);
            state = step.state();
            last = best;
            if (best == end) {
                break;
            }
        }
        return new Hypothesis(tokens.stream().mapToInt(Integer::intValue).toArray(), logProb);
    }

    /** Beam search of the given width; alpha is the length-normalization exponent (0 for none). */
    public static <S> Hypothesis beam(StepModel<S> model, S initial, int start, int end, int maxLen, int width, double alpha) {
        return beamAll(model, initial, start, end, maxLen, width, alpha).get(0);
    }

    /** Every finished hypothesis of the beam (and greedy's), best score first. */
    public static <S> List<Hypothesis> beamAll(StepModel<S> model, S initial, int start, int end, int maxLen, int width,
            double alpha) {
        checkLength(maxLen);
        if (width < 1) {
            throw new IllegalArgumentException("BeamSearch: width must be >= 1, got " + width);
        }
        if (alpha < 0) {
            throw new IllegalArgumentException("BeamSearch: the length-normalization alpha must be >= 0, got " + alpha);
        }
        List<int[]> alive = List.of(new int[0]);
        double[] aliveLogProb = {0};
        int[] last = {start};
        S state = initial;
        List<Hypothesis> finished = new ArrayList<>();
        for (int t = 0; t < maxLen && !alive.isEmpty() && finished.size() < width; t++) {
            StepModel.Step<S> step = model.next(last, state);
            double[][] lp = step.logProbs();
            // all extensions of all alive prefixes, best first; keep the top `width - finished`
            List<double[]> cand = new ArrayList<>(); // {row, token, logProb}
            for (int b = 0; b < alive.size(); b++) {
                for (int v = 0; v < lp[b].length; v++) {
                    cand.add(new double[] {b, v, aliveLogProb[b] + lp[b][v]});
                }
            }
            cand.sort(Comparator.comparingDouble((double[] c) -> -c[2]));
            List<int[]> nextAlive = new ArrayList<>();
            List<Double> nextLp = new ArrayList<>();
            List<Integer> rows = new ArrayList<>();
            int room = width - finished.size(); // the best `room` extensions survive; those that end are finished
            for (int k = 0; k < Math.min(room, cand.size()); k++) {
                double[] c = cand.get(k);
                int b = (int) c[0];
                int v = (int) c[1];
                int[] seq = Arrays.copyOf(alive.get(b), alive.get(b).length + 1);
                seq[seq.length - 1] = v;
                if (v == end || t == maxLen - 1) {
                    finished.add(new Hypothesis(seq, c[2]));
                } else {
                    nextAlive.add(seq);
                    nextLp.add(c[2]);
                    rows.add(b);
                }
            }
            alive = nextAlive;
            aliveLogProb = nextLp.stream().mapToDouble(Double::doubleValue).toArray();
            last = alive.stream().mapToInt(s -> s[s.length - 1]).toArray();
            state = alive.isEmpty() ? null : model.select(step.state(), rows.stream().mapToInt(Integer::intValue).toArray());
        }
        finished.add(greedy(model, initial, start, end, maxLen));
        finished.sort(Comparator.comparingDouble((Hypothesis h) -> -h.score(alpha)));
        return finished;
    }

    private static void checkLength(int maxLen) {
        if (maxLen < 1) {
            throw new IllegalArgumentException("BeamSearch: maxLen must be >= 1, got " + maxLen);
        }
    }

    static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
