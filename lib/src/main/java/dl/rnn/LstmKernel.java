package dl.rnn;

import static dl.rnn.TimeMajor.at;
import static dl.rnn.TimeMajor.cols;

import dl.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
 * <p>The op's value packs its three results: [N, T + 2, H] = the outputs h_1..h_T, then the final
 * h and the final c; {@link LSTMCell#run} slices them apart.
 */
final class LstmKernel {

    private LstmKernel() {}

    static Tensor run(Tensor x, Tensor h0, Tensor c0, Tensor wih, Tensor whh, Tensor bih, Tensor bhh,
            INDArray mask, boolean reverse) {
        INDArray xT = TimeMajor.fromBatchFirst(x.data());
        int steps = (int) xT.size(0);
        long n = xT.size(1);
        long hid = whh.size(1);
        INDArray w = whh.data();
        INDArray acts = TimeMajor.project(xT, wih.data(), bih.data()); // becomes the activated gates
        var type = acts.dataType();
        INDArray hPrevAll = Nd4j.create(type, steps, n, hid);
        INDArray cPrevAll = Nd4j.create(type, steps, n, hid);
        INDArray tanhC = Nd4j.create(type, steps, n, hid);
        INDArray packed = Nd4j.create(type, n, steps + 2, hid);
        INDArray h = h0.data();
        INDArray c = c0.data();
        for (int k = 0; k < steps; k++) {
            int t = reverse ? steps - 1 - k : k;
            at(hPrevAll, t).assign(h);
            at(cPrevAll, t).assign(c);
            INDArray a = at(acts, t);
            a.addiRowVector(bhh.data());
            Nd4j.gemm(h, w, a, false, true, 1.0, 1.0);
            Transforms.sigmoid(cols(a, 0, 2 * hid), false);
            Transforms.tanh(cols(a, 2 * hid, 3 * hid), false);
            Transforms.sigmoid(cols(a, 3 * hid, 4 * hid), false);
            INDArray cNew = cols(a, hid, 2 * hid).mul(c).addi(cols(a, 0, hid).mul(cols(a, 2 * hid, 3 * hid)));
            INDArray m = TimeMajor.maskAt(mask, t, cNew);
            if (m != null) {
                cNew.subi(c).muliColumnVector(m).addi(c);
            }
            INDArray tc = at(tanhC, t);
            tc.assign(cNew);
            Transforms.tanh(tc, false);
            INDArray hNew = cols(a, 3 * hid, 4 * hid).mul(tc);
            INDArray out = packed.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(t),
                    org.nd4j.linalg.indexing.NDArrayIndex.all());
            if (m != null) {
                out.assign(hNew.mulColumnVector(m));
                hNew.subi(h).muliColumnVector(m).addi(h);
            } else {
                out.assign(hNew);
            }
            h = hNew;
            c = cNew;
        }
        Packed.put(packed, steps, h);
        Packed.put(packed, steps + 1, c);
        return Tensor.op("lstm", packed, g -> backward(g, xT, acts, hPrevAll, cPrevAll, tanhC, mask, reverse,
                x, h0, c0, wih, whh, bih, bhh), x, h0, c0, wih, whh, bih, bhh);
    }

    private static INDArray[] backward(INDArray g, INDArray xT, INDArray acts, INDArray hPrevAll, INDArray cPrevAll,
            INDArray tanhC, INDArray mask, boolean reverse, Tensor x, Tensor h0, Tensor c0, Tensor wih, Tensor whh,
            Tensor bih, Tensor bhh) {
        int steps = (int) acts.size(0);
        long hid = whh.size(1);
        INDArray w = whh.data();
        INDArray dA = Nd4j.create(acts.dataType(), acts.shape());
        INDArray dh = Packed.get(g, steps).dup();
        INDArray dc = Packed.get(g, steps + 1).dup();
        for (int k = steps - 1; k >= 0; k--) {
            int t = reverse ? steps - 1 - k : k;
            INDArray a = at(acts, t);
            INDArray i = cols(a, 0, hid);
            INDArray f = cols(a, hid, 2 * hid);
            INDArray gg = cols(a, 2 * hid, 3 * hid);
            INDArray o = cols(a, 3 * hid, 4 * hid);
            INDArray tc = at(tanhC, t);
            INDArray m = TimeMajor.maskAt(mask, t, dh);
            INDArray dOut = Packed.get(g, t);
            INDArray dH = m == null ? dh.addi(dOut) : dh.addi(dOut.mulColumnVector(m));
            INDArray dHc = dH;
            INDArray dCc = dc;
            INDArray hPass = null;
            INDArray cPass = null;
            if (m != null) {
                hPass = dH.mulColumnVector(m.rsub(1.0));
                cPass = dc.mulColumnVector(m.rsub(1.0));
                dHc = dH.mulColumnVector(m);
                dCc = dc.mulColumnVector(m);
            }
            INDArray da = at(dA, t);
            // do = dh tanh c, times σ'
            cols(da, 3 * hid, 4 * hid).assign(dHc.mul(tc).muli(o).muli(o.rsub(1.0)));
            // dc += dh o (1 − tanh² c)
            dCc.addi(dHc.mul(o).muli(tc.mul(tc).rsubi(1.0)));
            cols(da, 0, hid).assign(dCc.mul(gg).muli(i).muli(i.rsub(1.0)));
            cols(da, hid, 2 * hid).assign(dCc.mul(at(cPrevAll, t)).muli(f).muli(f.rsub(1.0)));
            cols(da, 2 * hid, 3 * hid).assign(dCc.mul(i).muli(gg.mul(gg).rsubi(1.0)));
            INDArray dcPrev = dCc.mul(f);
            INDArray dhPrev = Nd4j.create(dh.dataType(), dh.shape());
            Nd4j.gemm(da, w, dhPrev, false, false, 1.0, 0.0);
            if (m != null) {
                dhPrev.addi(hPass);
                dcPrev.addi(cPass);
            }
            dh = dhPrev;
            dc = dcPrev;
        }
        INDArray[] proj = TimeMajor.projectBackward(dA, xT, wih.data(), x.requiresGrad(), wih.requiresGrad(), bih.requiresGrad());
        INDArray dWhh = null;
        if (whh.requiresGrad()) {
            dWhh = Nd4j.create(w.dataType(), w.shape());
            Nd4j.gemm(TimeMajor.rows(dA), TimeMajor.rows(hPrevAll), dWhh, true, false, 1.0, 0.0);
        }
        INDArray dbhh = bhh.requiresGrad() ? TimeMajor.rows(dA).sum(0) : null;
        return new INDArray[] {proj[0], h0.requiresGrad() ? dh : null, c0.requiresGrad() ? dc : null,
                proj[1], dWhh, proj[2], dbhh};
    }
}
