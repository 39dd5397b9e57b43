package dl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dl.viz.Figure;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class HistoryTest {

    private static History history(double... lrs) {
        History h = new History();
        for (int e = 0; e < lrs.length; e++) {
            Map<String, Double> row = new LinkedHashMap<>();
            row.put("loss", 1.0 / (e + 1));
            row.put("val_loss", 1.2 / (e + 1));
            row.put("lr", lrs[e]);
            row.put("seconds", 0.5);
            h.log(e + 1, row);
        }
        return h;
    }

    private static String titles(Figure f) {
        StringBuilder b = new StringBuilder();
        for (Object panel : f.panels()) {
            b.append(((XYChart) panel).getTitle()).append(' ');
        }
        return b.toString().trim();
    }

    @Test
    void plotLeavesOutAConstantLearningRate() {
        assertEquals("loss", titles(history(0.01, 0.01, 0.01).plot()));
    }

    @Test
    void plotShowsAScheduledLearningRate() {
        assertEquals("loss lr", titles(history(0.1, 0.05, 0.025).plot()));
    }

    @Test
    void tableKeepsEveryColumn() {
        assertEquals(java.util.List.of("epoch", "loss", "val_loss", "lr", "seconds"),
                history(0.01, 0.01).table().columnNames());
    }
}
