package dl.nn;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads and writes a model's state as a NumPy {@code .npz} archive, so Python can open it with
 * {@code numpy.load("model.npz")}.
 *
 * <p>Format: a zip file with one entry {@code <key>.npy} per state entry ({@code fc1.weight.npy}),
 * in the model's order. Each entry is an NPY version 1.0 file: the bytes {@code \x93NUMPY}, the
 * version bytes 1 and 0, a little-endian 2-byte header length, an ASCII header such as
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (16, 2), }} padded with spaces and a
 * newline to a multiple of 64 bytes, then the values in row-major order, little-endian
 * ({@code <f4} = fp32, {@code <f8} = fp64).
 *
 * <p>Writing goes to a temporary file in the same directory that is then renamed over the
 * target, so an interrupted save never leaves a partial file; temporaries that a killed JVM
 * left behind are removed by the next save or load of that file ({@link SaveTemporaries}). A
 * saved file gets the user's normal mode (0644 under umask 022), or keeps the mode of the file
 * it replaces. Errors say why a file could not be written or read (permission denied, no such
 * folder, ...), not only which.
 */
public final class StateFile {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private StateFile() {}

    /** Writes {@code state} (fp32 or fp64 arrays) to {@code file} atomically. */
    public static void write(Path file, Map<String, INDArray> state) {
        for (Map.Entry<String, INDArray> e : state.entrySet()) {
            DataType t = e.getValue().dataType();
            if (t != DataType.FLOAT && t != DataType.DOUBLE) {
                throw new IllegalArgumentException("save " + file + ": entry '" + e.getKey() + "' has data type " + t
                        + "; only FLOAT and DOUBLE are stored");
            }
        }
        Path target = file.toAbsolutePath();
        Path tmp = null;
        try {
            createParent(file, target.getParent());
            report(file, SaveTemporaries.removeLeftovers(target));
            tmp = SaveTemporaries.next(target);
            // CREATE_NEW, not createTempFile: the file gets the mode of any new file of the user
            // (0644 under umask 022) instead of createTempFile's private 0600
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE));
                 ZipOutputStream zip = new ZipOutputStream(raw)) {
                for (Map.Entry<String, INDArray> e : state.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                    writeNpy(zip, e.getValue());
                    zip.closeEntry();
                }
            }
            keepModeOf(target, tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            SaveTemporaries.done(tmp);
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("save " + file + ": cannot write the file: " + IoProblem.describe(e)
                    + IoProblem.hint(e), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original error matters more than a leftover temporary file (the next save removes it)
                }
                SaveTemporaries.done(tmp);
            }
        }
    }

    /** Creates the missing folders of the target, saying which one could not be made and why. */
    private static void createParent(Path file, Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("save " + file + ": cannot create the folder " + dir + ": "
                    + IoProblem.describe(e) + IoProblem.hint(e), e);
        }
    }

    /** Overwriting a file keeps its permissions (a file made private stays private). */
    private static void keepModeOf(Path target, Path tmp) {
        try {
            if (Files.exists(target) && Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
            }
        } catch (IOException | UnsupportedOperationException ignored) {
            // the new file's own mode is a fine fallback
        }
    }

    private static void report(Path file, long freedBytes) {
        if (freedBytes > 0) {
            System.err.printf(java.util.Locale.ROOT, "note: %s: removed the temporary files of interrupted saves (%.1f MB)%n",
                    file, freedBytes / 1e6);
        }
    }

    /** Reads every array of an {@code .npz} file, in file order, keyed by entry name without ".npy". */
    public static Map<String, INDArray> read(Path file) {
        report(file, SaveTemporaries.removeLeftovers(file));
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new IOException("load " + file + ": no such file"
                    + (Files.isDirectory(file.toAbsolutePath().getParent()) ? "" : " (its folder " + file.toAbsolutePath().getParent()
                            + " does not exist either)")));
        }
        LinkedHashMap<String, INDArray> out = new LinkedHashMap<>();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             ZipInputStream zip = new ZipInputStream(raw)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (!name.endsWith(".npy")) {
                    throw new IOException("entry '" + name + "' is not a .npy array");
                }
                String key = name.substring(0, name.length() - 4);
                try {
                    out.put(key, readNpy(zip));
                } catch (IOException e) {
                    throw new IOException("entry '" + name + "': " + e.getMessage(), e);
                }
            }
        } catch (ZipException e) {
            throw new UncheckedIOException("load " + file + ": not a model state file (.npz zip archive): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("load " + file + ": " + IoProblem.describe(e) + IoProblem.hint(e), e);
        }
        if (out.isEmpty()) {
            throw new UncheckedIOException(new IOException("load " + file
                    + ": not a model state file (.npz zip archive with .npy entries): no arrays found"));
        }
        return out;
    }

    private static void writeNpy(OutputStream out, INDArray a) throws IOException {
        boolean dbl = a.dataType() == DataType.DOUBLE;
        long[] shape = a.shape();
        StringBuilder dims = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            dims.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        if (shape.length == 1) {
            dims.append(',');
        }
        String header = "{'descr': '" + (dbl ? "<f8" : "<f4") + "', 'fortran_order': False, 'shape': (" + dims + "), }";
        int unpadded = MAGIC.length + 2 + 2 + header.length() + 1;
        String padded = header + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        byte[] h = padded.getBytes(StandardCharsets.US_ASCII);
        out.write(MAGIC);
        out.write(new byte[] {1, 0, (byte) (h.length & 0xff), (byte) (h.length >>> 8)});
        out.write(h);
        INDArray c = a.ordering() == 'c' && !a.isView() ? a : a.dup('c');
        int n = (int) c.length();
        ByteBuffer buf = ByteBuffer.allocate(n * (dbl ? 8 : 4)).order(ByteOrder.LITTLE_ENDIAN);
        if (dbl) {
            buf.asDoubleBuffer().put(c.data().asDouble(), 0, n);
        } else {
            buf.asFloatBuffer().put(c.data().asFloat(), 0, n);
        }
        out.write(buf.array());
    }

    private static INDArray readNpy(InputStream in) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length + 2);
        if (magic.length < MAGIC.length + 2 || !Arrays.equals(Arrays.copyOf(magic, MAGIC.length), MAGIC)) {
            throw new IOException("not an NPY array (bad magic bytes)");
        }
        int major = magic[MAGIC.length];
        int headerLength;
        if (major == 1) {
            byte[] len = in.readNBytes(2);
            headerLength = (len[0] & 0xff) | (len[1] & 0xff) << 8;
        } else if (major == 2 || major == 3) {
            byte[] len = in.readNBytes(4);
            headerLength = (len[0] & 0xff) | (len[1] & 0xff) << 8 | (len[2] & 0xff) << 16 | (len[3] & 0xff) << 24;
        } else {
            throw new IOException("unsupported NPY version " + major);
        }
        byte[] hb = in.readNBytes(headerLength);
        if (hb.length != headerLength) {
            throw new IOException("truncated NPY header");
        }
        String header = new String(hb, StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shapeM = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shapeM.find()) {
            throw new IOException("unreadable NPY header: " + header.trim());
        }
        if (fortran.group(1).equals("True")) {
            throw new IOException("Fortran-ordered arrays are not supported; save C-ordered arrays");
        }
        boolean dbl;
        switch (descr.group(1)) {
            case "<f8" -> dbl = true;
            case "<f4" -> dbl = false;
            default -> throw new IOException("data type '" + descr.group(1) + "' is not supported (only <f4 and <f8)");
        }
        String[] parts = shapeM.group(1).split(",");
        long[] shape = Arrays.stream(parts).map(String::trim).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        int width = dbl ? 8 : 4;
        if (count * width > Integer.MAX_VALUE) {
            throw new IOException("array of shape " + Arrays.toString(shape) + " is too large");
        }
        byte[] body = in.readNBytes((int) (count * width));
        if (body.length != count * width) {
            throw new IOException("truncated data: expected " + count * width + " bytes for shape "
                    + Arrays.toString(shape) + ", found " + body.length);
        }
        ByteBuffer buf = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        INDArray flat;
        if (dbl) {
            double[] v = new double[(int) count];
            buf.asDoubleBuffer().get(v);
            flat = Nd4j.createFromArray(v);
        } else {
            float[] v = new float[(int) count];
            buf.asFloatBuffer().get(v);
            flat = Nd4j.createFromArray(v);
        }
        if (shape.length == 0) {
            return Nd4j.scalar(flat.dataType(), flat.getDouble(0));
        }
        return flat.reshape('c', shape);
    }

    /** The bytes an array would be stored as (used by tests to build damaged files). */
    static byte[] npyBytes(INDArray a) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            writeNpy(b, a);
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
