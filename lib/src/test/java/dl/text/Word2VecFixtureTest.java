package dl.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dl.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One CBOW training step against PyTorch autograd (fixtures/text/word2vec.json, made by
 * lib/src/test/python/fixtures_text.py), for negative sampling and the full softmax; and the
 * sampler's distribution against torch.softmax after torch.topk (fixtures/text/sampling.json).
 */
class Word2VecFixtureTest {

    private static final int[] CONTEXT = {2, 3, 5};   // the ids whose rows are in_ctx

    @Test
    void negativeSamplingStepMatchesPyTorch() {
        check(Word2Vec.cbow().dimension(5), "ns");
    }

    @Test
    void fullSoftmaxStepMatchesPyTorch() {
        check(Word2Vec.cbow().dimension(5).fullSoftmax(), "sm");
    }

    private static void check(Word2Vec config, String prefix) {
        Fixture f = Fixture.load("text/word2vec.json");
        Vocabulary v = Vocabulary.of(List.of(List.of("a", "b", "c", "d", "e", "f", "g")));
        assertEquals((int) f.scalar("first"), v.specialCount());
        INDArray inCtx = f.array("in_ctx");
        INDArray out = f.array("out");
        int d = 5;
        Word2VecTraining t = new Word2VecTraining(config, v, 1);
        for (int c = 0; c < CONTEXT.length; c++) {
            for (int j = 0; j < d; j++) {
                t.in[CONTEXT[c] * d + j] = inCtx.getDouble(c, j);
            }
        }
        for (int w = 0; w < v.size(); w++) {
            for (int j = 0; j < d; j++) {
                t.out[w * d + j] = out.getDouble(w, j);
            }
        }
        INDArray negatives = f.array("negatives");
        int[] neg = new int[(int) negatives.length()];
        for (int i = 0; i < neg.length; i++) {
            neg[i] = negatives.getInt(i);
        }
        double[] in0 = t.in.clone();
        double[] out0 = t.out.clone();
        double loss = t.step(CONTEXT, CONTEXT.length, (int) f.scalar("target"), neg, neg.length, 1.0);
        assertEquals(f.scalar(prefix + "_loss"), loss, 1e-12, prefix + " loss");
        INDArray gradIn = f.array(prefix + "_grad_in");
        for (int c = 0; c < CONTEXT.length; c++) {
            for (int j = 0; j < d; j++) {
                int i = CONTEXT[c] * d + j;
                assertEquals(gradIn.getDouble(c, j), in0[i] - t.in[i], 1e-12, prefix + " ∂L/∂in[" + c + ", " + j + "]");
            }
        }
        INDArray gradOut = f.array(prefix + "_grad_out");
        for (int w = 0; w < v.size(); w++) {
            for (int j = 0; j < d; j++) {
                int i = w * d + j;
                assertEquals(gradOut.getDouble(w, j), out0[i] - t.out[i], 1e-12, prefix + " ∂L/∂out[" + w + ", " + j + "]");
            }
        }
    }

    @Test
    void samplerProbabilitiesMatchTorchSoftmaxAfterTopK() {
        Fixture f = Fixture.load("text/sampling.json");
        double[] logits = f.array("logits").data().asDouble();
        for (double temperature : new double[] {0.5, 1.0, 2.0}) {
            for (int k : new int[] {0, 3}) {
                Sampler s = k == 0 ? Sampler.temperature(temperature) : Sampler.temperature(temperature).topK(k);
                double[] expected = f.array("p_t" + temperature + "_k" + k).data().asDouble();
                assertArrayEquals(expected, s.probabilities(logits), 1e-12, "T=" + temperature + " k=" + k);
            }
        }
    }
}
