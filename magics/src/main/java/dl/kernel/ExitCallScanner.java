package dl.kernel;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * Finds calls that would end the kernel's JVM in a compiled snippet class: {@code System.exit},
 * {@code Runtime.exit} and {@code Runtime.halt}, however the source spelled them (static import,
 * method reference, {@code Runtime.getRuntime()} in a variable). It reads the class file's
 * constant pool, where every method a class calls is listed by class and name.
 */
final class ExitCallScanner {

    private ExitCallScanner() {}

    /** "System.exit", "Runtime.exit" or "Runtime.halt" when the class calls it, else null. */
    static String exitCall(byte[] classFile) {
        try {
            return scan(classFile);
        } catch (IOException | RuntimeException e) {
            return null; // not a class file we can read: the JVM's verifier will say more than we can
        }
    }

    private static String scan(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            return null;
        }
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNames = new int[count];
        int[] refClass = new int[count];
        int[] refNameAndType = new int[count];
        int[] natName = new int[count];
        boolean[] isMethodRef = new boolean[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // 8-byte constants take two slots
                }
                case 7 -> classNames[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 10, 11 -> {
                    isMethodRef[i] = true;
                    refClass[i] = in.readUnsignedShort();
                    refNameAndType[i] = in.readUnsignedShort();
                }
                case 9, 17, 18 -> in.readInt();
                case 12 -> {
                    natName[i] = in.readUnsignedShort();
                    in.readUnsignedShort();
                }
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        for (int i = 1; i < count; i++) {
            if (!isMethodRef[i]) {
                continue;
            }
            String owner = utf8[classNames[refClass[i]]];
            String name = utf8[natName[refNameAndType[i]]];
            if ("java/lang/System".equals(owner) && "exit".equals(name)) {
                return "System.exit";
            }
            if ("java/lang/Runtime".equals(owner) && ("exit".equals(name) || "halt".equals(name))) {
                return "Runtime." + name;
            }
        }
        return null;
    }
}
