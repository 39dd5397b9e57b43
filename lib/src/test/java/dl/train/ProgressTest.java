package dl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.Course;
import dl.data.LogicGates;
import dl.display.Display;
import dl.loss.BCEWithLogitsLoss;
import dl.nn.Linear;
import dl.optim.SGD;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The progress line as a notebook sees it: shown before the first batch, updated, finished. */
class ProgressTest {

    @AfterEach
    void uninstall() {
        Display.install(null);
    }

    @Test
    void beforeTheFirstBatchTheBarIsEmpty() {
        Progress p = new Progress(3, 4);
        assertEquals(0.0, p.fraction(), 0.0);
        assertEquals("[" + ".".repeat(24) + "] ", p.toString().substring(0, 27));
        assertTrue(p.toHtml().contains("width:0%"), p.toHtml());
    }

    @Test
    void fractionCountsBatchesOfAllEpochs() {
        Progress p = new Progress(3, 4);
        p.update(2, 2, 0.5, "", 100, 1);   // 4 + 2 of 12 batches
        assertEquals(0.5, p.fraction(), 1e-12);
        assertTrue(p.toString().startsWith("[" + "#".repeat(12) + ".".repeat(12) + "] epoch 2/3  batch 2/4"), p.toString());
        p.finish("done");
        assertEquals(1.0, p.fraction(), 0.0);
        assertEquals("done", p.toString());
    }

    /** In a notebook the trainer shows the progress before training; rendering it then must work. */
    @Test
    void trainerInANotebookRendersEveryProgressState() {
        List<String> shown = new ArrayList<>();
        Display.install(new Display.Sink() {
            @Override
            public void display(String id, Object o) {
                shown.add(String.valueOf(o));
            }

            @Override
            public void update(String id, Object o) {
                shown.add(String.valueOf(o));
            }
        });
        Course.seed(1);
        Linear model = new Linear(2, 1);
        Trainer.of(model, new BCEWithLogitsLoss(), new SGD(model.parameters(), 0.1)).epochs(2)
                .fit(LogicGates.and().loader(2));
        assertTrue(shown.get(0).startsWith("[" + ".".repeat(24) + "] epoch 0/2"), shown.get(0));
        assertTrue(shown.get(shown.size() - 1).startsWith("trained 2 epochs"), shown.get(shown.size() - 1));
    }
}
