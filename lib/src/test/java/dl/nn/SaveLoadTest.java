package dl.nn;

import static org.junit.jupiter.api.Assertions.*;

import dl.Course;
import dl.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SaveLoadTest {

    @TempDir
    Path dir;

    @BeforeEach
    void seed() {
        Course.seed(42);
    }

    private static Sequential model(int hidden) {
        return new Sequential(new Linear(3, hidden), new BatchNorm1d(hidden), new ReLU(), new Linear(hidden, 2));
    }

    private static void assertSameState(Map<String, INDArray> expected, Map<String, INDArray> actual) {
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()));
        expected.forEach((k, v) -> assertEquals(v, actual.get(k), k));
    }

    @Test
    void roundTripRestoresParametersBuffersAndOutputs() {
        var a = model(4);
        a.forward(Tensor.randn(8, 3)); // moves the running statistics away from (0, 1)
        a.eval();
        Path file = dir.resolve("model.npz");
        a.save(file);

        var b = model(4);
        assertNotEquals(a.stateDict().get("0.weight"), b.stateDict().get("0.weight"));
        List<Parameter> before = b.parameters();
        b.load(file).eval();
        assertSameState(a.stateDict(), b.stateDict());
        Tensor x = Tensor.randn(5, 3);
        assertEquals(a.forward(x).data(), b.forward(x).data());
        for (int i = 0; i < before.size(); i++) {
            assertSame(before.get(i), b.parameters().get(i), "loading keeps the parameter objects");
        }
    }

    @Test
    void fileIsANumpyNpzArchiveAndNoTemporaryFileRemains() throws IOException {
        var m = new Sequential(new Linear(3, 2));
        Path file = dir.resolve("sub/dir/m.npz");
        m.save(file);
        m.save(file); // overwriting works too
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> names = new ArrayList<>();
            zip.stream().forEach(e -> names.add(e.getName()));
            assertEquals(List.of("0.weight.npy", "0.bias.npy"), names);
            try (InputStream in = zip.getInputStream(zip.getEntry("0.weight.npy"))) {
                byte[] head = in.readNBytes(128);
                assertEquals((byte) 0x93, head[0]);
                assertEquals("NUMPY", new String(head, 1, 5, java.nio.charset.StandardCharsets.US_ASCII));
                int headerLength = (head[8] & 0xff) | (head[9] & 0xff) << 8;
                assertEquals(0, (10 + headerLength) % 64, "header padded to 64 bytes");
                String header = new String(head, 10, headerLength, java.nio.charset.StandardCharsets.US_ASCII);
                assertTrue(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"), header);
                assertTrue(header.endsWith("\n"));
            }
        }
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file.getFileName().toString()), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void readsAnArchiveWrittenByNumpy() throws IOException {
        Path file = dir.resolve("numpy.npz");
        try (InputStream in = getClass().getResourceAsStream("/fixtures/nn/state_numpy.npz")) {
            Files.copy(in, file);
        }
        Map<String, INDArray> state = StateFile.read(file);
        assertEquals(List.of("0.weight", "0.bias", "scale"), List.copyOf(state.keySet()));
        assertEquals(DataType.FLOAT, state.get("0.weight").dataType());
        assertArrayEquals(new long[] {2, 3}, state.get("0.weight").shape());
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1, 1.25}, state.get("0.weight").castTo(DataType.DOUBLE).data().asDouble(), 0);
        assertArrayEquals(new double[] {-1.5, 2.25}, state.get("0.bias").castTo(DataType.DOUBLE).data().asDouble(), 0);
        assertEquals(0, state.get("scale").rank());
        assertEquals(DataType.DOUBLE, state.get("scale").dataType());
        assertEquals(3.5, state.get("scale").getDouble(0), 0);
    }

    @Test
    void fp64StateRoundTripsExactly() {
        var a = (Sequential) new Sequential(new Linear(3, 2)).toDouble();
        Path file = dir.resolve("d.npz");
        a.save(file);
        Map<String, INDArray> read = StateFile.read(file);
        assertEquals(DataType.DOUBLE, read.get("0.weight").dataType());
        assertSameState(a.stateDict(), read);
        var f32 = new Sequential(new Linear(3, 2)).load(file); // converted to the model's type
        assertEquals(DataType.FLOAT, f32.dtype());
        assertEquals(a.stateDict().get("0.bias").castTo(DataType.FLOAT), f32.stateDict().get("0.bias"));
    }

    /** fp64 values loaded into an fp32 model are rounded: one warning names the entries (issue 9 §3). */
    @Test
    void loadingFp64IntoFp32WarnsOnceNamingTheRoundedEntries() {
        var f64 = (Sequential) new Sequential(new Linear(3, 2), new Linear(2, 1)).toDouble();
        f64.get(0).namedParameters().get("weight").data().assign(Nd4j.createFromArray(
                new double[][] {{0.1, 0.25, 0.5}, {1.0 / 3, -2, 0.125}}));   // 0.1 and 1/3 have no exact fp32 value
        f64.get(0).namedParameters().get("bias").data().assign(Nd4j.createFromArray(0.5, -1.5));  // exact in fp32
        var f32 = new Sequential(new Linear(3, 2), new Linear(2, 1));
        String warning = stderrOf(() -> f32.loadStateDict(f64.stateDict()));
        assertEquals(1, warning.lines().count(), warning);
        assertTrue(warning.startsWith("warning: Sequential.loadStateDict: "), warning);
        assertTrue(warning.contains("held DOUBLE values that FLOAT rounds"), warning);
        assertTrue(warning.contains("0.weight"), warning);
        assertFalse(warning.contains("0.bias"), "values that fp32 holds exactly are not reported: " + warning);
        // the largest change is |0.1 - fp32(0.1)| or |1/3 - fp32(1/3)|, computed here from Java's own float rounding
        double expected = Math.max(Math.abs(0.1 - (float) 0.1), Math.abs(1.0 / 3 - (float) (1.0 / 3)));
        assertTrue(warning.contains(String.format(java.util.Locale.ROOT, "largest change %.3g", expected)), warning);

        assertEquals("", stderrOf(() -> f32.loadStateDict(f32.stateDict())), "same type: no warning");
        var back = (Sequential) new Sequential(new Linear(3, 2), new Linear(2, 1)).toDouble();
        assertEquals("", stderrOf(() -> back.loadStateDict(f32.stateDict())), "fp32 into fp64 loses nothing");
    }

    private static String stderrOf(Runnable r) {
        var err = new java.io.ByteArrayOutputStream();
        var before = System.err;
        try {
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            r.run();
        } finally {
            System.setErr(before);
        }
        return err.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void wrongShapeNamesBothShapesAndChangesNothing() {
        Path file = dir.resolve("small.npz");
        model(4).save(file);
        var target = model(5);
        var before = target.stateDict();
        var e = assertThrows(IllegalArgumentException.class, () -> target.load(file));
        assertTrue(e.getMessage().contains("0.weight: the state has shape [4, 3], the model has shape [5, 3]"), e.getMessage());
        assertTrue(e.getMessage().contains("3.weight: the state has shape [2, 4], the model has shape [2, 5]"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().endsWith("the model is unchanged"), e.getMessage());
        assertSameState(before, target.stateDict());
    }

    @Test
    void missingAndUnexpectedKeysAreNamedAndChangeNothing() {
        Path file = dir.resolve("nobias.npz");
        new Sequential(new Linear(3, 2, false), new Linear(2, 2)).save(file);
        var target = new Sequential(new Linear(3, 2), new Linear(2, 2));
        var before = target.stateDict();
        var e = assertThrows(IllegalArgumentException.class, () -> target.load(file));
        assertTrue(e.getMessage().contains("missing key(s) [0.bias]"), e.getMessage());
        assertSameState(before, target.stateDict());

        Path extra = dir.resolve("extra.npz");
        new Sequential(new Linear(3, 2), new Linear(2, 2), new Linear(2, 1)).save(extra);
        var u = assertThrows(IllegalArgumentException.class, () -> target.load(extra));
        assertTrue(u.getMessage().contains("unexpected key(s) [2.weight, 2.bias]"), u.getMessage());
        assertSameState(before, target.stateDict());
    }

    @Test
    void damagedFilesFailClearlyAndChangeNothing() throws IOException {
        var target = model(4);
        var before = target.stateDict();

        Path text = dir.resolve("notes.npz");
        Files.writeString(text, "these are not weights");
        var e = assertThrows(UncheckedIOException.class, () -> target.load(text));
        assertTrue(e.getMessage().contains("not a model state file"), e.getMessage());

        Path good = dir.resolve("good.npz");
        model(4).save(good);
        byte[] bytes = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.npz");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThrows(UncheckedIOException.class, () -> target.load(cut));

        var missing = assertThrows(UncheckedIOException.class, () -> target.load(dir.resolve("absent.npz")));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
        assertSameState(before, target.stateDict());
    }

    @Test
    void unsupportedTypesAreRefusedBeforeWriting() {
        Path file = dir.resolve("ints.npz");
        var e = assertThrows(IllegalArgumentException.class,
                () -> StateFile.write(file, Map.of("n", Nd4j.createFromArray(1, 2, 3))));
        assertTrue(e.getMessage().contains("INT"), e.getMessage());
        assertFalse(Files.exists(file));
    }
}
