package dl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class IdxFileTest {

    /** 2 images of 2x3 unsigned bytes, header written out byte by byte. */
    static final byte[] TWO_IMAGES = {
        0x00, 0x00, 0x08, 0x03,             // magic: ubyte, rank 3
        0x00, 0x00, 0x00, 0x02,             // 2 images
        0x00, 0x00, 0x00, 0x02,             // 2 rows
        0x00, 0x00, 0x00, 0x03,             // 3 columns
        0, 1, 2, 3, 4, 5,                   // image 0
        (byte) 255, (byte) 128, 10, 20, 30, 40 // image 1
    };

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(raw);
        }
        return out.toByteArray();
    }

    @Test
    void parsesAHandWrittenUbyteHeaderAndData() {
        IdxFile f = IdxFile.parse(TWO_IMAGES, "hand-made");
        assertEquals(IdxFile.Type.UBYTE, f.type());
        assertArrayEquals(new int[] {2, 2, 3}, f.dims());
        assertEquals(12, f.count());
        INDArray x = f.toFloatArray(1.0 / 255);
        assertArrayEquals(new long[] {2, 2, 3}, x.shape());
        assertEquals(1.0f, x.getFloat(1, 0, 0), 1e-7);
        assertEquals(128f / 255f, x.getFloat(1, 0, 1), 1e-7);
        assertEquals(5f / 255f, x.getFloat(0, 1, 2), 1e-7);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 255, 128, 10, 20, 30, 40}, f.toIntArray());
    }

    @Test
    void parsesBigEndianIntsAndFloats() {
        byte[] ints = {0, 0, 0x0C, 1, 0, 0, 0, 2, 0x00, 0x00, 0x01, 0x02, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE};
        assertArrayEquals(new int[] {258, -2}, IdxFile.parse(ints, "ints").toIntArray());
        // 1.5f = 0x3FC00000
        byte[] floats = {0, 0, 0x0D, 1, 0, 0, 0, 1, 0x3F, (byte) 0xC0, 0, 0};
        assertEquals(1.5f, IdxFile.parse(floats, "floats").toFloatArray(1).getFloat(0));
    }

    @Test
    void truncatedDataIsRejected() {
        byte[] cut = Arrays.copyOf(TWO_IMAGES, TWO_IMAGES.length - 1);
        var e = assertThrows(DataFileException.class, () -> IdxFile.parse(cut, "cut.idx"));
        assertTrue(e.getMessage().contains("cut.idx") && e.getMessage().contains("truncated")
                && e.getMessage().contains("promises 12") && e.getMessage().contains("has 11"), e.getMessage());
        var header = assertThrows(DataFileException.class, () -> IdxFile.parse(Arrays.copyOf(TWO_IMAGES, 10), "h"));
        assertTrue(header.getMessage().contains("truncated header"), header.getMessage());
    }

    /** Four sizes of 65536 multiply to 2^64, which wraps to 0 in a long and matched an empty data part. */
    @Test
    void headerWhoseSizesOverflowIsRejected() {
        byte[] wraps = {0, 0, 0x08, 4, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0};
        var e = assertThrows(DataFileException.class, () -> IdxFile.parse(wraps, "wraps.idx"));
        assertTrue(e.getMessage().startsWith("wraps.idx: header [65536, 65536, 65536, 65536] of UBYTE describes more data"
                + " than an array can hold"), e.getMessage());
        assertTrue(e.getMessage().contains("the file has 0 data bytes"), e.getMessage());

        // 2^30 · 2^30 · 2 doubles: 2^61 elements, 2^64 bytes, again 0 in a long
        byte[] doubles = {0, 0, 0x0E, 3, 0x40, 0, 0, 0, 0x40, 0, 0, 0, 0, 0, 0, 2};
        assertTrue(assertThrows(DataFileException.class, () -> IdxFile.parse(doubles, "d.idx")).getMessage()
                .contains("[1073741824, 1073741824, 2] of DOUBLE describes more data"));

        // sizes that fit still reach the ordinary length check
        byte[] fits = {0, 0, 0x08, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6};
        assertEquals(6, IdxFile.parse(fits, "fits.idx").count());
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] longer = Arrays.copyOf(TWO_IMAGES, TWO_IMAGES.length + 3);
        var e = assertThrows(DataFileException.class, () -> IdxFile.parse(longer, "x"));
        assertTrue(e.getMessage().contains("3 unexpected bytes"), e.getMessage());
    }

    @Test
    void badMagicAndTypeAreRejected() {
        byte[] magic = TWO_IMAGES.clone();
        magic[0] = 0x1F;
        assertTrue(assertThrows(DataFileException.class, () -> IdxFile.parse(magic, "m")).getMessage()
                .contains("magic number"));
        byte[] type = TWO_IMAGES.clone();
        type[2] = 0x07;
        assertTrue(assertThrows(DataFileException.class, () -> IdxFile.parse(type, "t")).getMessage()
                .contains("unknown IDX element type 0x07"));
    }

    @Test
    void gzipRoundTripAndTruncatedOrCorruptGzip(@TempDir Path dir) throws IOException {
        byte[] gz = gzip(TWO_IMAGES);
        Path good = dir.resolve("good.gz");
        Files.write(good, gz);
        assertArrayEquals(new int[] {2, 2, 3}, IdxFile.readGzip(good).dims());

        Path cut = dir.resolve("cut.gz");
        Files.write(cut, Arrays.copyOf(gz, gz.length - 6));
        var e = assertThrows(DataFileException.class, () -> IdxFile.readGzip(cut));
        assertTrue(e.getMessage().contains("cut.gz") && e.getMessage().contains("truncated"), e.getMessage());

        byte[] bad = gz.clone();
        bad[bad.length - 6] ^= 0x55; // inside the CRC-32 trailer
        Path corrupt = dir.resolve("corrupt.gz");
        Files.write(corrupt, bad);
        var c = assertThrows(DataFileException.class, () -> IdxFile.readGzip(corrupt));
        assertTrue(c.getMessage().contains("corrupt"), c.getMessage());

        Path plain = dir.resolve("plain.idx");
        Files.write(plain, TWO_IMAGES);
        var p = assertThrows(DataFileException.class, () -> IdxFile.readGzip(plain));
        assertTrue(p.getMessage().contains("not gzip"), p.getMessage());

        assertThrows(DataFileException.class, () -> IdxFile.readGzip(dir.resolve("missing.gz")));
    }
}
