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

    /** A hand-written loop that logs NaN losses is told once, at the first one (issue 9 §4). */
    @Test
    void firstNonFiniteValueOfAColumnIsNamedOnce() {
        var err = new java.io.ByteArrayOutputStream();
        var before = System.err;
        History h = new History();
        try {
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            h.log(1, Map.of("loss", 0.7));
            h.log(2, Map.of("loss", Double.NaN));
            h.log(3, Map.of("loss", Double.NaN));
            h.log(4, Map.of("loss", 0.5, "val_loss", Double.POSITIVE_INFINITY));
        } finally {
            System.setErr(before);
        }
        var lines = err.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size(), lines.toString());
        assertEquals(true, lines.get(0).startsWith("warning: History: loss is NaN at epoch 2 (its first value"), lines.get(0));
        assertEquals(true, lines.get(1).startsWith("warning: History: val_loss is Infinity at epoch 4"), lines.get(1));
        assertEquals(4, h.epochs(), "the values are still logged");
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
