package dl.nn;

import dl.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Notes, during the dummy forward pass of {@link ModelSummary}, which modules run (in call
 * order, each module once), how deep they are nested and the shape they return.
 */
final class SummaryRecorder {

    private static final ThreadLocal<SummaryRecorder> ACTIVE = new ThreadLocal<>();

    /** One module call: filled in by {@link #exit}. */
    static final class Call {
        final Module module;
        final int depth;
        long[] outputShape;

        Call(Module module, int depth) {
            this.module = module;
            this.depth = depth;
        }
    }

    private final List<Call> calls = new ArrayList<>();
    private final Set<Module> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private int depth;

    static SummaryRecorder active() {
        return ACTIVE.get();
    }

    static SummaryRecorder start() {
        SummaryRecorder r = new SummaryRecorder();
        ACTIVE.set(r);
        return r;
    }

    void stop() {
        ACTIVE.remove();
    }

    /** Returns the row of this call, or -1 when the module was already recorded. */
    int enter(Module m) {
        int row = -1;
        if (seen.add(m)) {
            calls.add(new Call(m, depth));
            row = calls.size() - 1;
        }
        depth++;
        return row;
    }

    void exit(int row, Tensor output) {
        depth--;
        if (row >= 0) {
            calls.get(row).outputShape = output == null ? null : output.shape();
        }
    }

    List<Call> calls() {
        return calls;
    }
}
