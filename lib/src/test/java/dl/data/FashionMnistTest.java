package dl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

class FashionMnistTest {

    private static void assumeDebian() {
        assumeTrue(FashionMnist.debianInstalled(),
                "Debian's dataset-fashion-mnist is not installed (apt-get install dataset-fashion-mnist); skipping");
    }

    @Test
    void subsetIsBalancedAndInRange() {
        FashionMnist train = FashionMnist.train(true);
        assertEquals(FashionMnist.Source.SUBSET, train.source());
        assertEquals(2000, train.size());
        assertArrayEquals(new long[] {2000, 28, 28}, train.images().shape());
        assertArrayEquals(new long[] {2000, 784}, train.flat().shape());
        assertTrue(train.images().minNumber().doubleValue() >= 0 && train.images().maxNumber().doubleValue() <= 1);
        int[] counts = new int[10];
        for (int label : train.labels()) {
            counts[label]++;
        }
        int[] expected = new int[10];
        Arrays.fill(expected, 200);
        assertArrayEquals(expected, counts);
        ArrayDataset d = train.dataset();
        assertEquals(List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
                "Bag", "Ankle boot"), d.classNames());
        assertArrayEquals(new long[] {2000, 1, 28, 28}, train.imageDataset().x().shape());
        assertEquals(500, FashionMnist.test(true).size());
        assertTrue(train.describe().contains("committed subset"), train.describe());
        // published notebooks print this line: a project-relative path, never the machine's folders
        assertTrue(train.describe().endsWith("(datasets/fashion-mnist-subset)"), train.describe());
        assertFalse(train.describe().contains(DatasetsFolder.find().toString()), train.describe());
    }

    @Test
    void subsetImagesAreTheDebianImagesAtTheRecordedIndices() throws IOException {
        assumeDebian();
        FashionMnist full = FashionMnist.load(FashionMnist.Part.TEST, FashionMnist.Source.DEBIAN);
        FashionMnist sub = FashionMnist.test(true);
        int[] indices = Files.readAllLines(sub.folder().resolve("t10k-indices.txt")).stream()
                .mapToInt(Integer::parseInt).toArray();
        assertEquals(500, indices.length);
        int[] fullLabels = full.labels();
        int[] subLabels = sub.labels();
        for (int j = 0; j < indices.length; j += 7) {
            assertEquals(fullLabels[indices[j]], subLabels[j]);
            assertEquals(full.images().slice(indices[j]), sub.images().slice(j), "image " + j);
        }
    }

    @Test
    void debianTestSetMatchesFactsComputedByPython() {
        assumeDebian();
        FashionMnist test = FashionMnist.load(FashionMnist.Part.TEST, FashionMnist.Source.DEBIAN);
        assertEquals(10000, test.size());
        assertArrayEquals(new int[] {9, 2, 1, 1, 6, 1, 4, 6, 5, 7}, Arrays.copyOf(test.labels(), 10));
        // numbers from /usr/bin/python3 reading the same files with gzip + struct
        INDArray first = test.images().slice(0);
        assertEquals(33456 / 255.0, first.sumNumber().doubleValue(), 1e-3);
        assertEquals(110 / 255.0, first.getDouble(14, 14), 1e-6);
        assertEquals(0.28684928, test.images().castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).meanNumber().doubleValue(), 1e-5);
    }

    @Test
    void debianTrainSetHas6000PerClass() {
        assumeDebian();
        FashionMnist train = FashionMnist.train();
        assertEquals(FashionMnist.Source.DEBIAN, train.source());
        assertEquals(60000, train.size());
        int[] counts = new int[10];
        for (int label : train.labels()) {
            counts[label]++;
        }
        int[] expected = new int[10];
        Arrays.fill(expected, 6000);
        assertArrayEquals(expected, counts);
        // published per-pixel mean of the training set: 0.2860
        assertEquals(0.28604, train.images().castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).meanNumber().doubleValue(), 1e-4);
        assertEquals(217 / 255.0, train.images().getDouble(0, 14, 14), 1e-6);
    }

    @Test
    void corruptCopyIsDetectedByItsChecksum(@TempDir Path dir) throws IOException {
        PinnedFile good = FashionMnist.labelsFile(FashionMnist.Part.TEST, FashionMnist.Source.SUBSET);
        byte[] bytes = Files.readAllBytes(good.path());
        bytes[100] ^= 1;
        Path copy = dir.resolve("t10k-labels-idx1-ubyte.gz");
        Files.write(copy, bytes);
        PinnedFile bad = new PinnedFile(good.what(), copy, good.size(), good.sha256(), good.howToGet());
        var e = assertThrows(DataFileException.class, bad::read);
        assertTrue(e.getMessage().contains("SHA-256") && e.getMessage().contains(good.sha256())
                && e.getMessage().contains(copy.toString()), e.getMessage());

        Files.write(copy, Arrays.copyOf(bytes, 200));
        var t = assertThrows(DataFileException.class, bad::read);
        assertTrue(t.getMessage().contains("has 200 bytes, expected 278 (truncated)"), t.getMessage());
    }

    @Test
    void missingDebianFileSaysWhatToInstall() {
        PinnedFile real = FashionMnist.imagesFile(FashionMnist.Part.TRAIN, FashionMnist.Source.DEBIAN);
        PinnedFile gone = new PinnedFile(real.what(), Path.of("/nonexistent/train-images-idx3-ubyte.gz"), real.size(),
                real.sha256(), real.howToGet());
        var e = assertThrows(DataFileException.class, gone::read);
        assertTrue(e.getMessage().contains("not found") && e.getMessage().contains("apt-get install")
                && e.getMessage().contains("dataset-fashion-mnist"), e.getMessage());
    }

    @Test
    void mismatchedImageAndLabelCountsAreRejected(@TempDir Path dir) throws IOException {
        byte[] images = new byte[16 + 3 * 784];
        images[2] = 0x08;
        images[3] = 3;
        images[7] = 3;   // 3 images
        images[11] = 28;
        images[15] = 28;
        byte[] labels = {0, 0, 0x08, 1, 0, 0, 0, 2, 4, 5}; // 2 labels
        Path img = dir.resolve("images.gz");
        Path lab = dir.resolve("labels.gz");
        Files.write(img, IdxFileTest.gzip(images));
        Files.write(lab, IdxFileTest.gzip(labels));
        var e = assertThrows(DataFileException.class, () -> FashionMnist.readFiles(img, lab));
        assertTrue(e.getMessage().contains("3 images") && e.getMessage().contains("2 labels"), e.getMessage());

        byte[] threeLabels = {0, 0, 0x08, 1, 0, 0, 0, 3, 4, 10, 5};
        Files.write(lab, IdxFileTest.gzip(threeLabels));
        var l = assertThrows(DataFileException.class, () -> FashionMnist.readFiles(img, lab));
        assertTrue(l.getMessage().contains("label 10 at index 1"), l.getMessage());

        Files.write(lab, IdxFileTest.gzip(new byte[] {0, 0, 0x08, 1, 0, 0, 0, 3, 4, 9, 5}));
        FashionMnist own = FashionMnist.readFiles(img, lab);
        assertArrayEquals(new int[] {4, 9, 5}, own.labels());
        assertEquals(0.0, own.images().get(NDArrayIndex.point(2)).sumNumber().doubleValue());
    }

    @Test
    void wrongImageSizeIsRejected(@TempDir Path dir) throws IOException {
        byte[] images = {0, 0, 0x08, 3, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 2, 1, 2, 3, 4};
        Path img = dir.resolve("i.gz");
        Path lab = dir.resolve("l.gz");
        Files.write(img, IdxFileTest.gzip(images));
        Files.write(lab, IdxFileTest.gzip(new byte[] {0, 0, 0x08, 1, 0, 0, 0, 1, 3}));
        var e = assertThrows(DataFileException.class, () -> FashionMnist.readFiles(img, lab));
        assertTrue(e.getMessage().contains("[N, 28, 28]") && e.getMessage().contains("[1, 2, 2]"), e.getMessage());
    }
}
