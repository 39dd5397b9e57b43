package dl.tensor;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where the arrays of one backward pass live: an Nd4j workspace (one block of native memory,
 * reused by every backward on this thread) instead of a fresh native buffer per intermediate
 * gradient.
 *
 * <p>Why: a fresh Nd4j buffer is freed only when the Java garbage collector finds its owner
 * unreachable, which happens rarely (the arrays live off the Java heap), so every allocation
 * touches new pages and pays their page faults: an allocating add of [128, 256] took 10-50×
 * longer than the add itself. The intermediate gradients of a backward pass are never seen by
 * the user, so they can all go into a workspace that is reset when the pass ends.
 *
 * <p>What must survive the pass is allocated outside, with {@link #outside}: the gradients
 * stored in {@code grad()} of leaves and of tensors with {@code retainGrad()}.
 */
final class BackwardMemory {

    private static final String ID = "dl-backward";

    private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyLearning(LearningPolicy.FIRST_LOOP)      // size it by the first pass ...
            .policyAllocation(AllocationPolicy.OVERALLOCATE) // ... plus a margin
            .overallocationLimit(0.3)
            .policySpill(SpillPolicy.REALLOCATE)            // a larger pass later grows it
            .policyReset(ResetPolicy.BLOCK_LEFT)            // reused from the start by the next pass
            .build();

    /** {@code -Ddl.backwardWorkspace=false} turns it off (to measure what it brings: bench/run). */
    private static final boolean ENABLED = !"false".equals(System.getProperty("dl.backwardWorkspace"));

    private BackwardMemory() {}

    /** Opens the pass's scope (nested passes share it); close it when the pass ends. */
    static MemoryWorkspace enter() {
        return ENABLED ? Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, ID)
                : Nd4j.getWorkspaceManager().scopeOutOfWorkspaces();
    }

    /** Runs {@code body} with allocations outside every workspace (for arrays that outlive the pass). */
    static <T> T outside(java.util.function.Supplier<T> body) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return body.get();
        }
    }
}
