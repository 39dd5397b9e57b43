package dl.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.junit.jupiter.api.Test;

class CellOutputTest {

    private final ByteArrayOutputStream idle = new ByteArrayOutputStream();
    private final CellOutput output = new CellOutput(new PrintStream(idle, true, StandardCharsets.UTF_8));

    @Test
    void writesBetweenCellsGoToTheIdleStreamNotToTheNextCell() {
        output.out().print("stray");
        RecordingSink sink = new RecordingSink();
        output.begin(sink);
        output.out().print("mine");
        output.end();
        assertEquals("stray", idle.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("stdout:mine"), sink.events);
    }

    @Test
    void orderOfStreamsAndDisplaysIsKept() {
        RecordingSink sink = new RecordingSink();
        output.begin(sink);
        output.out().print("a");
        output.out().print("b");
        DisplayData d = new DisplayData("shown");
        assertTrue(output.display(d, false));
        output.err().print("c");
        output.end();
        assertEquals(3, sink.events.size());
        assertEquals("stdout:ab", sink.events.get(0));
        assertSame(d, ((RecordingSink.Shown) sink.events.get(1)).data());
        assertEquals("stderr:c", sink.events.get(2));
        assertTrue(output.display(d, false), "between cells a display is kept for the next cell");
        RecordingSink next = new RecordingSink();
        output.begin(next);
        output.end();
        assertEquals(1, next.displays().size(), next.events.toString());
        assertSame(d, next.displays().get(0).data());
    }

    @Test
    void aCharacterSplitAcrossRawWritesIsNotBroken() {
        RecordingSink sink = new RecordingSink();
        output.begin(sink);
        byte[] check = "✓".getBytes(StandardCharsets.UTF_8); // 3 bytes
        output.out().write(check, 0, 2);
        output.flush();
        output.out().write(check, 2, 1);
        output.end();
        assertEquals("✓", sink.stdout());
    }

    @Test
    void utf8BoundaryDetection() {
        byte[] b = "a✓".getBytes(StandardCharsets.UTF_8); // 61 E2 9C 93
        assertEquals(4, CellOutput.Utf8.completePrefix(b, 4));
        assertEquals(1, CellOutput.Utf8.completePrefix(b, 3));
        assertEquals(1, CellOutput.Utf8.completePrefix(b, 2));
        assertEquals(1, CellOutput.Utf8.completePrefix(b, 1));
        assertEquals(0, CellOutput.Utf8.completePrefix(b, 0));
    }

    @Test
    void beginDropsWhatAnEarlierCellLeftBehind() {
        RecordingSink first = new RecordingSink();
        output.begin(first);
        output.out().print("left over");
        // No end(): the cell was abandoned. The next cell starts clean.
        RecordingSink second = new RecordingSink();
        output.begin(second);
        output.out().print("fresh");
        output.end();
        assertEquals(List.of(), first.events);
        assertEquals(List.of("stdout:fresh"), second.events);
    }
}
