package dl.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConvArithmeticTest {
    @Test
    void outputSizesWorkedByHand() {
        assertEquals(26, ConvArithmetic.outputSize(28, 3, 0));      // 28-3+1
        assertEquals(28, ConvArithmetic.outputSize(28, 5, 2));      // LeNet padding 2
        assertEquals(55, ConvArithmetic.outputSize(227, 11, 0, 4, 1)); // AlexNet conv1
        assertEquals(3, ConvArithmetic.outputSize(7, 3, 0, 2, 1));   // (7-3)/2+1
        assertEquals(3, ConvArithmetic.outputSize(7, 3, 0, 1, 2));   // span 5: 7-5+1
        assertEquals(112, ConvArithmetic.poolOutputSize(224, 2, 2, 0));
        assertEquals(2, ConvArithmetic.samePadding(5, 1));
        assertEquals(2, ConvArithmetic.samePadding(3, 2));
        assertEquals("out = floor((n + 2p - d(k-1) - 1) / s) + 1 = floor((28 + 4 - 4 - 1) / 1) + 1 = 28",
                ConvArithmetic.explainOutputSize(28, 5, 2, 1, 1));
    }

    @Test
    void parameterAndMultiplicationCounts() {
        assertEquals(3 * 3 * 3 * 64 + 64, ConvArithmetic.conv2dParameters(3, 3, 64)); // 1792
        assertEquals(1792, ConvArithmetic.conv2dParameters(3, 3, 64));
        assertEquals(3 * 3 * 32, ConvArithmetic.conv2dParameters(3, 3, 32, 32, 32, false)); // depthwise
        assertEquals(156, ConvArithmetic.conv2dParameters(5, 1, 6)); // LeNet conv1
        assertEquals(28L * 28 * 6 * 25, ConvArithmetic.conv2dMultiplications(28, 28, 5, 5, 1, 6, 1));
        assertEquals("K·K·Cin·Cout + Cout = 3·3·3·64 + 64 = 1792", ConvArithmetic.explainParameters(3, 3, 64));
    }

    @Test
    void receptiveFields() {
        assertEquals(5, ConvArithmetic.receptiveField(new int[] {3}, new int[] {3}));
        assertEquals(7, ConvArithmetic.receptiveField(new int[] {3}, new int[] {3}, new int[] {3}));
        // 3x3 s2 then 3x3: 1 + 2 + 2*2 = 7
        assertEquals(7, ConvArithmetic.receptiveField(new int[] {3, 2}, new int[] {3}));
        // dilations 1,2,4: 1 + 2 + 4 + 8 = 15
        assertEquals(15, ConvArithmetic.receptiveField(new int[] {3, 1, 1}, new int[] {3, 1, 2}, new int[] {3, 1, 4}));
        assertEquals("r = 1 + 1·2·1 + 1·2·2 = 7",
                ConvArithmetic.explainReceptiveField(new int[] {3, 2}, new int[] {3}));
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ConvArithmetic.outputSize(2, 5, 0));
        assertThrows(IllegalArgumentException.class, () -> ConvArithmetic.samePadding(4, 1));
        assertThrows(IllegalArgumentException.class, () -> ConvArithmetic.conv2dParameters(3, 3, 3, 64, 2, true));
        assertThrows(IllegalArgumentException.class, () -> ConvArithmetic.outputSize(28, 3, -1));
        assertThrows(IllegalArgumentException.class, () -> ConvArithmetic.outputSize(28, 3, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> ConvArithmetic.receptiveField(new int[] {}));
        assertThrows(IllegalArgumentException.class, () -> ConvArithmetic.receptiveField(new int[] {3, 0}));
    }
}
