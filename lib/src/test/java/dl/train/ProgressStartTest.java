package dl.train;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The progress line is shown before the first batch (the kernel renders it as text and HTML). */
class ProgressStartTest {

    @Test
    void beforeTheFirstUpdateTheBarIsEmptyAndRenders() {
        Progress p = new Progress(3, 10);
        assertEquals(0.0, p.fraction());
        String text = p.toString();
        assertTrue(text.startsWith("[" + ".".repeat(24) + "]"), text);
        assertTrue(p.toHtml().contains("width:0%"), p.toHtml());
    }

    @Test
    void halfwayAndFinished() {
        Progress p = new Progress(2, 10);
        p.update(2, 0, 0.5, "", 100, 1);                // one of two epochs done
        assertEquals(0.5, p.fraction(), 1e-12);
        assertTrue(p.toString().startsWith("[" + "#".repeat(12) + ".".repeat(12) + "]"), p.toString());
        p.finish("done");
        assertEquals(1.0, p.fraction());
        assertEquals("done", p.toString());
    }
}
