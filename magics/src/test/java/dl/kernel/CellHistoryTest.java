package dl.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The history Jupyter's history_request reads: tail, range and glob search, with outputs. */
class CellHistoryTest {

    private static CellHistory sample() {
        CellHistory h = new CellHistory();
        h.add(1, "int x = 6;", null);
        h.add(2, "x * 7", "42");
        h.add(3, "x * 7", "42");
        h.add(4, "System.out.println(x);", null);
        return h;
    }

    private static List<Integer> lines(List<CellHistory.Entry> entries) {
        return entries.stream().map(CellHistory.Entry::line).toList();
    }

    @Test
    void tailGivesTheLastCells() {
        assertEquals(List.of(3, 4), lines(sample().tail(2)));
        assertEquals(List.of(1, 2, 3, 4), lines(sample().tail(10)));
        assertEquals(List.of(), lines(sample().tail(0)));
    }

    @Test
    void rangeIsHalfOpenAndOnlyForThisSession() {
        assertEquals(List.of(2, 3), lines(sample().range(CellHistory.SESSION, 2, 4)));
        assertEquals(List.of(3, 4), lines(sample().range(0, 3, 0)), "session 0 is the current one; stop 0 runs to the end");
        assertEquals(List.of(), lines(sample().range(7, 1, 5)));
    }

    @Test
    void searchMatchesGlobsKeepsTheLastNAndCanBeUnique() {
        assertEquals(List.of(2, 3), lines(sample().search("x ?*", 0, false)));
        assertEquals(List.of(3), lines(sample().search("x ?*", 0, true)), "unique keeps the latest run");
        assertEquals(List.of(3, 4), lines(sample().search("*", 2, false)));
        assertEquals(List.of(4), lines(sample().search("System.out.println(*)*", 0, false)), "( and . are literal");
    }

    @Test
    void tuplesHaveJupytersShape() {
        CellHistory.Entry e = new CellHistory.Entry(2, "x * 7", "42");
        assertEquals(List.of(CellHistory.SESSION, 2, "x * 7"), e.toTuple(false));
        assertEquals(List.of(CellHistory.SESSION, 2, List.of("x * 7", "42")), e.toTuple(true));
    }
}
