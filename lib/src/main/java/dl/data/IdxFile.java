package dl.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An array in the IDX format of (Fashion-)MNIST, parsed and validated in full before use.
 *
 * <pre>
 * bytes 0-1   0x00 0x00
 * byte  2     element type: 0x08 ubyte, 0x09 byte, 0x0B short, 0x0C int, 0x0D float, 0x0E double
 * byte  3     rank r
 * 4 .. 4+4r   r sizes, big-endian int32
 * then        the elements, big-endian, row-major: exactly prod(sizes) * elementSize bytes
 * </pre>
 */
public final class IdxFile {

    /** Element types of the IDX format, with their code and size in bytes. */
    public enum Type {
        UBYTE(0x08, 1), BYTE(0x09, 1), SHORT(0x0B, 2), INT(0x0C, 4), FLOAT(0x0D, 4), DOUBLE(0x0E, 8);

        final int code;
        final int bytes;

        Type(int code, int bytes) {
            this.code = code;
            this.bytes = bytes;
        }

        static Type of(int code) {
            for (Type t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            return null;
        }
    }

    private final String source;
    private final Type type;
    private final int[] dims;
    private final byte[] raw;
    private final int dataOffset;

    private IdxFile(String source, Type type, int[] dims, byte[] raw, int dataOffset) {
        this.source = source;
        this.type = type;
        this.dims = dims;
        this.raw = raw;
        this.dataOffset = dataOffset;
    }

    /** Reads a pinned gzip IDX file: checksum first, then gunzip, then header and length checks. */
    public static IdxFile readGzip(PinnedFile file) {
        String where = file.what() + " (" + file.path() + ")";
        return parse(Gzip.decompress(file.read(), where), where);
    }

    /** Reads an unpinned gzip IDX file (own data); header and length are still checked. */
    public static IdxFile readGzip(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new DataFileException("IDX file " + path + " not found");
        }
        try {
            return parse(Gzip.decompress(Files.readAllBytes(path), path.toString()), path.toString());
        } catch (IOException e) {
            throw new DataFileException("cannot read IDX file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Parses uncompressed IDX bytes; {@code source} names them in error messages. */
    public static IdxFile parse(byte[] bytes, String source) {
        if (bytes.length < 4) {
            throw new DataFileException(source + ": " + bytes.length + " bytes, too short for an IDX header"
                    + " (expected at least 4: 0x00 0x00 type rank)");
        }
        if (bytes[0] != 0 || bytes[1] != 0) {
            throw new DataFileException(source + ": not an IDX file: magic number starts with "
                    + hex(bytes, 0, 4) + ", expected 00 00 <type> <rank>");
        }
        Type type = Type.of(bytes[2] & 0xFF);
        if (type == null) {
            throw new DataFileException(source + ": unknown IDX element type 0x" + String.format("%02X", bytes[2] & 0xFF)
                    + "; expected one of 08 (ubyte), 09, 0B, 0C, 0D, 0E");
        }
        int rank = bytes[3] & 0xFF;
        if (rank < 1) {
            throw new DataFileException(source + ": IDX rank 0; expected at least one dimension");
        }
        int headerLength = 4 + 4 * rank;
        if (bytes.length < headerLength) {
            throw new DataFileException(source + ": truncated header: rank " + rank + " needs " + headerLength
                    + " header bytes, the file has " + bytes.length);
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, 4, 4 * rank).order(ByteOrder.BIG_ENDIAN);
        int[] dims = new int[rank];
        for (int d = 0; d < rank; d++) {
            dims[d] = header.getInt();
            if (dims[d] < 0) {
                throw new DataFileException(source + ": dimension " + d + " has negative size " + dims[d]);
            }
        }
        long count = elementCount(dims, type, bytes.length - headerLength, source);
        long expected = count * type.bytes;
        long actual = bytes.length - headerLength;
        if (actual < expected) {
            throw new DataFileException(source + ": truncated: header " + Arrays.toString(dims) + " of " + type
                    + " promises " + expected + " data bytes, the file has " + actual);
        }
        if (actual > expected) {
            throw new DataFileException(source + ": " + (actual - expected) + " unexpected bytes after the "
                    + expected + " data bytes of " + Arrays.toString(dims) + " (corrupt or not an IDX file)");
        }
        return new IdxFile(source, type, dims, bytes, headerLength);
    }

    /**
     * The product of the sizes, computed without overflow: a header whose sizes multiply past
     * what a Java array can hold (2³¹ − 1 elements) is rejected here, because in 64-bit
     * arithmetic such a product can wrap around to a small number (4 sizes of 65536 give 0) and
     * pass the length check.
     */
    private static long elementCount(int[] dims, Type type, long dataBytes, String source) {
        long count = 1;
        for (int d = 0; d < dims.length; d++) {
            count *= dims[d];
            if (count > Integer.MAX_VALUE || count * type.bytes > Integer.MAX_VALUE) {
                throw new DataFileException(source + ": header " + Arrays.toString(dims) + " of " + type
                        + " describes more data than an array can hold (the product of the sizes up to dimension " + d
                        + " already passes " + Integer.MAX_VALUE + " bytes), while the file has " + dataBytes
                        + " data bytes: a corrupt header");
            }
        }
        return count;
    }

    public Type type() {
        return type;
    }

    /** The sizes from the header, e.g. [60000, 28, 28]. */
    public int[] dims() {
        return dims.clone();
    }

    /** Number of elements, the product of the sizes. */
    public long count() {
        long c = 1;
        for (int d : dims) {
            c *= d;
        }
        return c;
    }

    /** Where the data came from (for messages). */
    public String source() {
        return source;
    }

    /**
     * The elements times {@code scale} as a FLOAT array of shape dims(). Unsigned bytes go through
     * one native cast (no per-element Java loop); other types are decoded big-endian.
     */
    public INDArray toFloatArray(double scale) {
        long[] shape = Arrays.stream(dims).asLongStream().toArray();
        int n = (int) count();
        INDArray out;
        if (type == Type.UBYTE) {
            ByteBuffer data = ByteBuffer.wrap(raw, dataOffset, n).slice();
            INDArray bytes = Nd4j.create(Nd4j.createBuffer(data, DataType.UINT8, n), shape,
                    Nd4j.getStrides(shape, 'c'), 0, 'c', DataType.UINT8);
            out = bytes.castTo(DataType.FLOAT);
        } else {
            float[] values = new float[n];
            ByteBuffer b = ByteBuffer.wrap(raw, dataOffset, n * type.bytes).order(ByteOrder.BIG_ENDIAN);
            for (int i = 0; i < n; i++) {
                values[i] = switch (type) {
                    case BYTE -> b.get();
                    case SHORT -> b.getShort();
                    case INT -> b.getInt();
                    case FLOAT -> b.getFloat();
                    case DOUBLE -> (float) b.getDouble();
                    default -> throw new IllegalStateException(type.toString());
                };
            }
            out = Nd4j.create(values, shape, DataType.FLOAT);
        }
        return scale == 1.0 ? out : out.muli(scale);
    }

    /** The elements as ints (for labels); only for integer element types. */
    public int[] toIntArray() {
        int n = (int) count();
        int[] out = new int[n];
        ByteBuffer b = ByteBuffer.wrap(raw, dataOffset, n * type.bytes).order(ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < n; i++) {
            out[i] = switch (type) {
                case UBYTE -> b.get() & 0xFF;
                case BYTE -> b.get();
                case SHORT -> b.getShort();
                case INT -> b.getInt();
                default -> throw new IllegalStateException(source + ": " + type + " elements are not integers");
            };
        }
        return out;
    }

    private static String hex(byte[] b, int from, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < Math.min(b.length, from + n); i++) {
            s.append(i > from ? " " : "").append(String.format("%02x", b[i] & 0xFF));
        }
        return s.length() == 0 ? "(nothing)" : s.toString();
    }

    @Override
    public String toString() {
        return "IdxFile(" + type + " " + Arrays.toString(dims) + " from " + source + ")";
    }
}
