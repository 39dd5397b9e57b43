package dl.display;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DisplayTest {

    private final PrintStream realOut = System.out;

    @AfterEach
    void restore() {
        System.setOut(realOut);
        Display.install(null);
    }

    private String captureStdout(Runnable r) {
        var bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(realOut);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutKernelDisplayPrintsToStringAndUpdateIsSilent() {
        Object progress = new Object() {
            @Override
            public String toString() {
                return "epoch 1/3";
            }
        };
        String[] id = new String[1];
        String printed = captureStdout(() -> id[0] = Display.display(progress));
        assertEquals("epoch 1/3" + System.lineSeparator(), printed);
        assertFalse(Display.inNotebook());

        String updated = captureStdout(() -> Display.updateDisplay(id[0], "epoch 2/3"));
        assertEquals("", updated);
    }

    @Test
    void displayIdsAreDistinct() {
        String a = captureAndReturn(() -> Display.display("a"));
        String b = captureAndReturn(() -> Display.display("b"));
        assertNotEquals(a, b);
        assertTrue(a.startsWith("dl-"), a);
    }

    private String captureAndReturn(java.util.function.Supplier<String> s) {
        String[] out = new String[1];
        captureStdout(() -> out[0] = s.get());
        return out[0];
    }

    @Test
    void installedSinkReceivesDisplayAndUpdateWithTheSameId() {
        List<String> calls = new ArrayList<>();
        Display.install(new Display.Sink() {
            @Override
            public void display(String id, Object o) {
                calls.add("display " + id + " " + o);
            }

            @Override
            public void update(String id, Object o) {
                calls.add("update " + id + " " + o);
            }
        });
        assertTrue(Display.inNotebook());
        String printed = captureStdout(() -> {
            String id = Display.display("loss 0.9");
            Display.updateDisplay(id, "loss 0.1");
            calls.add("id " + id);
        });
        assertEquals("", printed, "with a sink nothing goes to stdout");
        String id = calls.get(2).substring(3);
        assertEquals(List.of("display " + id + " loss 0.9", "update " + id + " loss 0.1", "id " + id), calls);
    }

    @Test
    void updateWithNullIdIsAClearError() {
        var e = assertThrows(NullPointerException.class, () -> Display.updateDisplay(null, "x"));
        assertTrue(e.getMessage().contains("display id is null"), e.getMessage());
    }

    @Test
    void clearOutputReachesTheSinkAndIsSilentWithoutOne() {
        assertEquals("", captureStdout(() -> Display.clearOutput()), "no kernel: nothing to clear, nothing printed");
        List<String> calls = new ArrayList<>();
        Display.install(new Display.Sink() {
            @Override
            public void display(String id, Object o) {}

            @Override
            public void update(String id, Object o) {}

            @Override
            public void clear(boolean wait) {
                calls.add("clear wait=" + wait);
            }
        });
        Display.clearOutput();
        Display.clearOutput(true);
        assertEquals(List.of("clear wait=false", "clear wait=true"), calls);
    }
}
