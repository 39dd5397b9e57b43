package dl.rnn;

import static dl.rnn.TimeMajor.at;

import dl.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A whole LSTM direction as one autograd op, forward and backward through time written by hand.
 *
 * <p>Forward, gates in PyTorch's order i, f, g, o:
 * <pre>
 *   a_t = x_t W_ihᵀ + b_ih + h_{t−1} W_hhᵀ + b_hh      (all steps' x W_ihᵀ in one gemm first)
 *   i, f, o = σ(a_i), σ(a_f), σ(a_o);  g = tanh(a_g)
 *   c_t = f c_{t−1} + i g;   h_t = o tanh(c_t)
 * </pre>
 * Backward, per step from the last: with dh and dc arriving at step t,
 * <pre>
 *   do = dh tanh c;  dc += dh o (1 − tanh² c);  di = dc g;  dg = dc i;  df = dc c_{t−1};  dc_{t−1} = dc f
 *   da = [di i(1−i), df f(1−f), dg (1−g²), do o(1−o)];   dh_{t−1} = da W_hh
 * </pre>
 * and after the loop dW_hh = Σ_t da_tᵀ h_{t−1} and dW_ih = Σ_t da_tᵀ x_t, each one gemm over all steps.
 *
 * <p>Per step the work is one gemm, one sigmoid over all four gate blocks (tanh a = 2σ(2a) − 1, so
 * the g rows of the weights are doubled once per call), one tanh and two plain Java passes over
 * [N, H] (see {@link Vals}); the backward step is one Java pass and one gemm.
 *
 * <p>The op's value packs its three results: [N, T + 2, H] = the outputs h_1..h_T, then the final
 * h and the final c; {@link LSTMCell#run} slices them apart.
 */
final class LstmKernel {

    private LstmKernel() {}

    static Tensor run(Tensor x, Tensor h0, Tensor c0, Tensor wih, Tensor whh, Tensor bih, Tensor bhh,
            INDArray mask, boolean reverse) {
        INDArray xT = TimeMajor.fromBatchFirst(x.data());
        int steps = (int) xT.size(0);
        int n = (int) xT.size(1);
        int hid = (int) whh.size(1);
        var type = xT.dataType();
        // g rows doubled: σ(2a) over the whole gate block gives (tanh a + 1) / 2 for g
        INDArray wihS = wih.data().dup('c');
        INDArray whhS = whh.data().dup('c');
        INDArray bS = bih.data().add(bhh.data());
        wihS.get(NDArrayIndex.interval(2 * hid, 3 * hid), NDArrayIndex.all()).muli(2);
        whhS.get(NDArrayIndex.interval(2 * hid, 3 * hid), NDArrayIndex.all()).muli(2);
        bS.get(NDArrayIndex.interval(2 * hid, 3 * hid)).muli(2);
        INDArray acts = TimeMajor.project(xT, wihS, bS); // [T, N, 4H], becomes the activated gates
        INDArray hPrevAll = Nd4j.create(type, steps, n, hid);
        INDArray cPrevAll = Nd4j.create(type, steps, n, hid);
        INDArray tanhC = Nd4j.create(type, steps, n, hid);
        INDArray packed = Nd4j.create(type, n, steps + 2, hid);
        INDArray hCur = h0.data().dup('c');
        INDArray cCur = c0.data().dup('c');
        INDArray maskC = mask == null ? null : mask.castTo(type).dup('c');
        Vals a = Vals.of(acts);
        Vals hp = Vals.of(hPrevAll);
        Vals cp = Vals.of(cPrevAll);
        Vals tc = Vals.of(tanhC);
        Vals out = Vals.of(packed);
        Vals h = Vals.of(hCur);
        Vals c = Vals.of(cCur);
        Vals m = maskC == null ? null : Vals.of(maskC);
        int g4 = 4 * hid;
        for (int k = 0; k < steps; k++) {
            int t = reverse ? steps - 1 - k : k;
            INDArray at = at(acts, t);
            Nd4j.gemm(hCur, whhS, at, false, true, 1.0, 1.0);
            Transforms.sigmoid(at, false);
            for (int b = 0; b < n; b++) {
                boolean real = m == null || m.get(t * n + b) != 0;
                int ab = (t * n + b) * g4;
                int sb = (t * n + b) * hid;
                for (int j = 0; j < hid; j++) {
                    double cOld = c.get(b * hid + j);
                    hp.set(sb + j, h.get(b * hid + j));
                    cp.set(sb + j, cOld);
                    double gg = 2 * a.get(ab + 2 * hid + j) - 1;
                    a.set(ab + 2 * hid + j, gg);
                    double cNew = real ? a.get(ab + hid + j) * cOld + a.get(ab + j) * gg : cOld;
                    c.set(b * hid + j, cNew);
                    tc.set(sb + j, cNew);
                }
            }
            Transforms.tanh(at(tanhC, t), false);
            for (int b = 0; b < n; b++) {
                boolean real = m == null || m.get(t * n + b) != 0;
                int ab = (t * n + b) * g4;
                int sb = (t * n + b) * hid;
                int ob = (b * (steps + 2) + t) * hid;
                for (int j = 0; j < hid; j++) {
                    if (real) {
                        double hNew = a.get(ab + 3 * hid + j) * tc.get(sb + j);
                        h.set(b * hid + j, hNew);
                        out.set(ob + j, hNew);
                    } else {
                        out.set(ob + j, 0);
                    }
                }
            }
        }
        Packed.put(packed, steps, hCur);
        Packed.put(packed, steps + 1, cCur);
        return Tensor.op("lstm", packed, g -> backward(g, xT, acts, hPrevAll, cPrevAll, tanhC, maskC, reverse,
                x, h0, c0, wih, whh, bih, bhh), x, h0, c0, wih, whh, bih, bhh);
    }

    private static INDArray[] backward(INDArray gOut, INDArray xT, INDArray acts, INDArray hPrevAll, INDArray cPrevAll,
            INDArray tanhC, INDArray maskC, boolean reverse, Tensor x, Tensor h0, Tensor c0, Tensor wih, Tensor whh,
            Tensor bih, Tensor bhh) {
        int steps = (int) acts.size(0);
        int n = (int) acts.size(1);
        int hid = (int) whh.size(1);
        int g4 = 4 * hid;
        INDArray w = whh.data();
        INDArray gC = Vals.owned(gOut);
        INDArray dA = Nd4j.create(acts.dataType(), acts.shape());
        INDArray dhArr = Packed.get(gC, steps).dup('c');
        INDArray dcArr = Packed.get(gC, steps + 1).dup('c');
        Vals g = Vals.of(gC);
        Vals a = Vals.of(acts);
        Vals da = Vals.of(dA);
        Vals cp = Vals.of(cPrevAll);
        Vals tc = Vals.of(tanhC);
        Vals dh = Vals.of(dhArr);
        Vals dc = Vals.of(dcArr);
        Vals m = maskC == null ? null : Vals.of(maskC);
        for (int k = steps - 1; k >= 0; k--) {
            int t = reverse ? steps - 1 - k : k;
            for (int b = 0; b < n; b++) {
                boolean real = m == null || m.get(t * n + b) != 0;
                int ab = (t * n + b) * g4;
                int sb = (t * n + b) * hid;
                int ob = (b * (steps + 2) + t) * hid;
                for (int j = 0; j < hid; j++) {
                    int s = b * hid + j;
                    if (!real) {   // padded step: h and c passed through unchanged, da = 0
                        continue;
                    }
                    double dH = dh.get(s) + g.get(ob + j);
                    double i = a.get(ab + j);
                    double f = a.get(ab + hid + j);
                    double gg = a.get(ab + 2 * hid + j);
                    double o = a.get(ab + 3 * hid + j);
                    double tch = tc.get(sb + j);
                    double dC = dc.get(s) + dH * o * (1 - tch * tch);
                    da.set(ab + j, dC * gg * i * (1 - i));
                    da.set(ab + hid + j, dC * cp.get(sb + j) * f * (1 - f));
                    da.set(ab + 2 * hid + j, dC * i * (1 - gg * gg));
                    da.set(ab + 3 * hid + j, dH * tch * o * (1 - o));
                    dc.set(s, dC * f);
                    dh.set(s, 0);
                }
            }
            Nd4j.gemm(at(dA, t), w, dhArr, false, false, 1.0, 1.0);
        }
        INDArray[] proj = TimeMajor.projectBackward(dA, xT, wih.data(), x.requiresGrad(), wih.requiresGrad(), bih.requiresGrad());
        INDArray dWhh = null;
        if (whh.requiresGrad()) {
            dWhh = Nd4j.create(w.dataType(), w.shape());
            Nd4j.gemm(TimeMajor.rows(dA), TimeMajor.rows(hPrevAll), dWhh, true, false, 1.0, 0.0);
        }
        INDArray dbhh = bhh.requiresGrad() ? TimeMajor.rows(dA).sum(0) : null;
        return new INDArray[] {proj[0], h0.requiresGrad() ? dhArr : null, c0.requiresGrad() ? dcArr : null,
                proj[1], dWhh, proj[2], dbhh};
    }
}
