package dl.seq2seq;

import dl.attention.DotProductAttention;
import dl.loss.CrossEntropyLoss;
import dl.nn.Embedding;
import dl.nn.Linear;
import dl.nn.Module;
import dl.rnn.GRU;
import dl.rnn.State;
import dl.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An encoder-decoder for token sequences: a GRU reads the source, its final state starts a GRU
 * decoder that writes the target one token at a time until the end-of-sequence token.
 * Optionally (Luong-style) attention: at each step the decoder output h_t attends over all encoder
 * outputs (scaled dot product), and the prediction uses tanh(W_c [h_t; c_t]).
 *
 * <p>Tokens: the source uses 0..srcVocab−1; the target 0..tgtVocab−1 plus {@link #bos()} = tgtVocab
 * (start, fed as the first decoder input) and {@link #eos()} = tgtVocab + 1 (end, predicted after
 * the last token). Ids are whole numbers stored in tensors, shape [N, L].
 *
 * <p>Training with teacher forcing: the decoder reads [BOS, y_1, ..., y_L] and is trained to predict
 * [y_1, ..., y_L, EOS], all steps in one pass. With a teacher-forcing ratio below 1 each step feeds
 * the true previous token with that probability and the model's own prediction otherwise.
 * Decoding: {@link #greedy} or {@link #beam} (see {@link BeamSearch}).
 */
public class Seq2Seq extends Module implements StepModel<Seq2Seq.DecoderState> {

    private final int tgtVocab;
    private final int hidden;
    private final Embedding srcEmbedding;
    private final GRU encoder;
    private final Embedding tgtEmbedding;
    private final GRU decoder;
    private final Linear combine;
    private final Linear out;
    private final DotProductAttention attention;

    /** The decoder's state for a batch of hypotheses: h [1, B, H] and the encoder outputs [B, S, H]. */
    public record DecoderState(Tensor h, Tensor encoderOutputs) {}

    public Seq2Seq(int srcVocab, int tgtVocab, int embedding, int hidden, boolean attention) {
        this.tgtVocab = tgtVocab;
        this.hidden = hidden;
        srcEmbedding = add("src_embedding", new Embedding(srcVocab, embedding));
        encoder = add("encoder", new GRU(embedding, hidden));
        tgtEmbedding = add("tgt_embedding", new Embedding(tgtVocab + 2, embedding));
        decoder = add("decoder", new GRU(embedding, hidden));
        this.attention = attention ? DotProductAttention.scaled() : null;
        combine = attention ? add("combine", new Linear(2 * hidden, hidden)) : null;
        out = add("out", new Linear(hidden, tgtVocab + 2));
    }

    /** The start token fed to the decoder first. */
    public int bos() {
        return tgtVocab;
    }

    /** The end-of-sequence token. */
    public int eos() {
        return tgtVocab + 1;
    }

    /** Encoder outputs [N, S, H] and the decoder's initial state. */
    public DecoderState encode(Tensor src) {
        RecurrentOut e = encodeRaw(src);
        return new DecoderState(e.state, e.outputs);
    }

    private record RecurrentOut(Tensor outputs, Tensor state) {}

    private RecurrentOut encodeRaw(Tensor src) {
        var r = encoder.forward(srcEmbedding.forward(src), null);
        return new RecurrentOut(r.output(), r.state().h());
    }

    /** Decoder logits [N, L, V + 2] for decoder inputs [N, L] (teacher forcing: all steps at once). */
    public Tensor logits(Tensor src, Tensor decoderInput) {
        DecoderState s = encode(src);
        return decode(decoderInput, s).logits;
    }

    private record Decoded(Tensor logits, Tensor h) {}

    private Decoded decode(Tensor decoderInput, DecoderState s) {
        var r = decoder.forward(tgtEmbedding.forward(decoderInput), State.of(s.h()));
        Tensor y = r.output();
        if (attention != null) {
            Tensor context = attention.attend(y, s.encoderOutputs(), s.encoderOutputs()).context();
            y = combine.forward(Tensor.concat(2, y, context)).tanh();
        }
        return new Decoded(out.forward(y), r.state().h());
    }

    /** [BOS, y_1, ..., y_{L−1}... y_L] as decoder input and [y_1, ..., y_L, EOS] as its targets. */
    public Tensor[] teacherForcingPair(Tensor tgt) {
        long n = tgt.size(0);
        long l = tgt.size(1);
        INDArray in = Nd4j.create(tgt.dtype(), n, l + 1);
        INDArray target = Nd4j.create(tgt.dtype(), n, l + 1);
        in.putColumn(0, Nd4j.valueArrayOf(new long[] {n, 1}, bos(), tgt.dtype()));
        for (int t = 0; t < l; t++) {
            in.putColumn(t + 1, tgt.data().getColumn(t).reshape(n, 1));
            target.putColumn(t, tgt.data().getColumn(t).reshape(n, 1));
        }
        target.putColumn((int) l, Nd4j.valueArrayOf(new long[] {n, 1}, eos(), tgt.dtype()));
        return new Tensor[] {new Tensor(in), new Tensor(target)};
    }

    /** Mean cross-entropy over all target positions (incl. EOS), teacher forcing. */
    public Tensor loss(Tensor src, Tensor tgt) {
        Tensor[] pair = teacherForcingPair(tgt);
        Tensor logits = logits(src, pair[0]);
        long rows = logits.size(0) * logits.size(1);
        return new CrossEntropyLoss().forward(logits.reshape(rows, tgtVocab + 2), ids(pair[1].data()));
    }

    /**
     * Mean cross-entropy when each decoder step reads the true previous token with probability
     * {@code teacherForcing} and the model's own argmax otherwise (1.0: the same as {@link #loss(Tensor, Tensor)}).
     */
    public Tensor loss(Tensor src, Tensor tgt, double teacherForcing, Random rng) {
        if (teacherForcing >= 1) {
            return loss(src, tgt);
        }
        Tensor[] pair = teacherForcingPair(tgt);
        DecoderState s = encode(src);
        int n = (int) tgt.size(0);
        int steps = (int) pair[1].size(1);
        int[] targets = ids(pair[1].data());
        int[] input = new int[n];
        Arrays.fill(input, bos());
        List<Tensor> losses = new ArrayList<>();
        CrossEntropyLoss ce = new CrossEntropyLoss();
        for (int t = 0; t < steps; t++) {
            Decoded d = decode(column(input, tgt.dtype()), s);
            Tensor logits = d.logits.reshape(n, tgtVocab + 2);
            int[] yt = new int[n];
            for (int b = 0; b < n; b++) {
                yt[b] = targets[b * steps + t];
            }
            losses.add(ce.forward(logits, yt));
            s = new DecoderState(d.h, s.encoderOutputs());
            boolean teacher = rng.nextDouble() < teacherForcing;
            int[] predicted = argmaxRows(logits.data());
            input = teacher ? yt : predicted;
        }
        return Tensor.stack(0, losses.toArray(new Tensor[0])).mean();
    }

    @Override
    protected Tensor compute(Tensor src) {
        throw new UnsupportedOperationException(this + ": a seq2seq model needs source and target; use loss(src, tgt),"
                + " logits(src, decoderInput), greedy(src, maxLen) or beam(...)");
    }

    // ---------------------------------------------------------------- decoding

    @Override
    public Step<DecoderState> next(int[] lastTokens, DecoderState state) {
        try (var g = Tensor.noGrad()) {
            Decoded d = decode(column(lastTokens, state.encoderOutputs().dtype()), state);
            INDArray logits = d.logits.reshape(lastTokens.length, tgtVocab + 2).logSoftmax(1).data();
            double[][] lp = logits.castTo(DataType.DOUBLE).toDoubleMatrix();
            return new Step<>(lp, new DecoderState(d.h, state.encoderOutputs()));
        }
    }

    @Override
    public DecoderState select(DecoderState state, int[] rows) {
        INDArray h = state.h().data().slice(0); // [B, H]
        INDArray pickedH = Nd4j.pullRows(h, 1, rows).reshape(1, rows.length, hidden);
        INDArray enc = state.encoderOutputs().data();
        long s = enc.size(1);
        INDArray pickedEnc = Nd4j.pullRows(enc.reshape('c', enc.size(0), s * hidden), 1, rows).reshape('c', rows.length, s, hidden);
        return new DecoderState(new Tensor(pickedH), new Tensor(pickedEnc));
    }

    /** Greedy decoding of every row of src [N, S]: tokens until EOS (excluded) or maxLen. */
    public int[][] greedy(Tensor src, int maxLen) {
        boolean was = isTraining();
        eval();
        try (var g = Tensor.noGrad()) {
            int n = (int) src.size(0);
            DecoderState s = encode(src);
            int[] last = new int[n];
            Arrays.fill(last, bos());
            List<List<Integer>> outs = new ArrayList<>();
            boolean[] done = new boolean[n];
            for (int b = 0; b < n; b++) {
                outs.add(new ArrayList<>());
            }
            for (int t = 0; t < maxLen; t++) {
                Step<DecoderState> step = next(last, s);
                s = step.state();
                boolean all = true;
                for (int b = 0; b < n; b++) {
                    last[b] = BeamSearch.argmax(step.logProbs()[b]);
                    if (!done[b]) {
                        if (last[b] == eos()) {
                            done[b] = true;
                        } else {
                            outs.get(b).add(last[b]);
                        }
                    }
                    all &= done[b];
                }
                if (all) {
                    break;
                }
            }
            return outs.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        } finally {
            train(was);
        }
    }

    /** Beam search for row {@code row} of src; the hypothesis' tokens end with EOS when it finished. */
    public Hypothesis beam(Tensor src, int row, int width, double alpha, int maxLen) {
        boolean was = isTraining();
        eval();
        try (var g = Tensor.noGrad()) {
            DecoderState s = encode(src.slice(0, row, row + 1));
            return BeamSearch.beam(this, s, bos(), eos(), maxLen, width, alpha);
        } finally {
            train(was);
        }
    }

    /** The greedy decoding of row {@code row} as a {@link Hypothesis} with its log-probability. */
    public Hypothesis greedyHypothesis(Tensor src, int row, int maxLen) {
        boolean was = isTraining();
        eval();
        try (var g = Tensor.noGrad()) {
            return BeamSearch.greedy(this, encode(src.slice(0, row, row + 1)), bos(), eos(), maxLen);
        } finally {
            train(was);
        }
    }

    /** log p(tokens | row of src), tokens ending with EOS or not: the score beam search compares. */
    public double logProb(Tensor src, int row, int[] tokens) {
        boolean was = isTraining();
        eval();
        try (var g = Tensor.noGrad()) {
            DecoderState s = encode(src.slice(0, row, row + 1));
            int last = bos();
            double total = 0;
            for (int tok : tokens) {
                Step<DecoderState> step = next(new int[] {last}, s);
                total += step.logProbs()[0][tok];
                s = step.state();
                last = tok;
            }
            return total;
        } finally {
            train(was);
        }
    }

    /** Fraction of rows whose greedy decoding equals the target row exactly (and then stops). */
    public double exactMatch(Tensor src, Tensor tgt, int maxLen) {
        int[][] pred = greedy(src, maxLen);
        int[] target = ids(tgt.data());
        int l = (int) tgt.size(1);
        int hits = 0;
        for (int b = 0; b < pred.length; b++) {
            hits += Arrays.equals(pred[b], Arrays.copyOfRange(target, b * l, (b + 1) * l)) ? 1 : 0;
        }
        return hits / (double) pred.length;
    }

    private static Tensor column(int[] tokens, DataType type) {
        return new Tensor(Nd4j.createFromArray(tokens).castTo(type).reshape(tokens.length, 1));
    }

    private static int[] argmaxRows(INDArray logits) {
        double[][] m = logits.castTo(DataType.DOUBLE).toDoubleMatrix();
        int[] r = new int[m.length];
        for (int i = 0; i < m.length; i++) {
            r[i] = BeamSearch.argmax(m[i]);
        }
        return r;
    }

    static int[] ids(INDArray a) {
        double[] d = a.dup('c').castTo(DataType.DOUBLE).data().asDouble();
        int[] r = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            r[i] = (int) d[i];
        }
        return r;
    }

    @Override
    protected String extraRepr() {
        return "hidden " + hidden + (attention != null ? ", attention" : "");
    }
}
