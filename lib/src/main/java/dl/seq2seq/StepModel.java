package dl.seq2seq;

/**
 * What a decoder must offer for greedy decoding and beam search: the log-probabilities of the next
 * token for a batch of hypotheses, and a way to keep some rows of its state.
 *
 * @param <S> the decoder state of a batch of hypotheses (e.g. hidden state and encoder outputs)
 */
public interface StepModel<S> {

    /** log p(next token | hypothesis) [B][V] for the B hypotheses ending in {@code lastTokens}, and the state after it. */
    Step<S> next(int[] lastTokens, S state);

    /** The state of hypotheses {@code rows} (rows may repeat: a hypothesis can have several children). */
    S select(S state, int[] rows);

    /** The result of one decoding step. */
    record Step<S>(double[][] logProbs, S state) {}
}
