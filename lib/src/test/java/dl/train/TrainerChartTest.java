package dl.train;

import static org.junit.jupiter.api.Assertions.*;

import dl.Course;
import dl.data.LogicGates;
import dl.display.Display;
import dl.loss.BCEWithLogitsLoss;
import dl.nn.Linear;
import dl.nn.Sequential;
import dl.optim.SGD;
import dl.viz.Figure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/**
 * The live chart in a notebook: redrawing it renders a PNG, so fast epochs must not redraw it
 * every time, but the chart left in the notebook must show every epoch.
 */
class TrainerChartTest {

    /** Records what the trainer shows: (kind, id, object) for display and update calls. */
    private final List<Object[]> shown = new ArrayList<>();

    @BeforeEach
    void installSink() {
        Course.seed(1);
        Display.install(new Display.Sink() {
            @Override
            public void display(String id, Object o) {
                shown.add(new Object[] {"display", id, o});
            }

            @Override
            public void update(String id, Object o) {
                shown.add(new Object[] {"update", id, o});
            }
        });
    }

    @AfterEach
    void removeSink() {
        Display.install(null);
    }

    private static int epochsDrawn(Figure chart) {
        XYChart loss = chart.panel(0);
        return loss.getSeriesMap().values().iterator().next().getXData().length;
    }

    /** The figures shown or updated under the chart's display id, in order. */
    private List<Figure> chartFrames() {
        String chartId = null;
        List<Figure> frames = new ArrayList<>();
        for (Object[] s : shown) {
            if (s[2] instanceof Figure f) {
                chartId = chartId == null ? (String) s[1] : chartId;
                assertEquals(chartId, s[1], "every chart update goes to the first chart's id");
                frames.add(f);
            }
        }
        return frames;
    }

    private Trainer trainer(int epochs) {
        var model = new Sequential(new Linear(2, 1));
        return Trainer.of(model, new BCEWithLogitsLoss(), new SGD(model.parameters(), 0.1)).epochs(epochs);
    }

    @Test
    void fastEpochsRedrawTheChartRarelyButTheLastFrameHasEveryEpoch() {
        trainer(40).fit(LogicGates.and().loader(4));
        List<Figure> frames = chartFrames();
        assertFalse(frames.isEmpty(), "a chart is shown");
        // 40 epochs of a 2-input model take far less than CHART_INTERVAL_SECONDS each
        assertTrue(frames.size() < 10, "the chart was drawn " + frames.size() + " times for 40 epochs");
        assertEquals(40, epochsDrawn(frames.get(frames.size() - 1)));
    }

    @Test
    void anEarlyStopStillLeavesTheFullChart() {
        Trainer t = trainer(50).callback((tr, epoch, logs) -> {
            if (epoch == 7) {
                tr.stop();
            }
        });
        History h = t.fit(LogicGates.and().loader(4));
        assertEquals(7, h.epochs());
        List<Figure> frames = chartFrames();
        assertEquals(7, epochsDrawn(frames.get(frames.size() - 1)));
    }
}
