package kiln.frontend.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import kiln.frontend.pickle.PickleBytes;
import kiln.frontend.pickle.PickleException;
import kiln.frontend.pickle.PyObject;
import kiln.frontend.pickle.PyTuple;
import kiln.frontend.pickle.TensorRef;
import kiln.frontend.testing.Corruption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** {@code torch.save} files and TorchScript archives built in the test, well-formed and hostile. */
class TorchFilesTest {
    private static final long[] ROW = {1};

    /** Two float tensors over one 4-element storage: elements 0-1 and 2-3. */
    private static byte[] sharedPickle() {
        return PickleBytes.protocol(2).mark()
                .tensor("FloatStorage", "0", 4, 0, new long[] {2}, ROW)
                .tensor("FloatStorage", "0", 4, 2, new long[] {2}, ROW)
                .tuple().stop();
    }

    private static byte[] floats(float... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            buffer.putFloat(value);
        }
        return buffer.array();
    }

    private static ZipWriter saveFile(byte[] pickle, byte[] storage, String byteOrder) {
        ZipWriter writer = new ZipWriter().text("t/byteorder", byteOrder).text("t/version", "3\n");
        writer.stored("t/data.pkl", pickle);
        if (storage != null) {
            writer.stored("t/data/0", storage);
        }
        return writer;
    }

    private static TorchSaveFile read(ZipWriter writer) {
        return TorchSaveFile.of(writer.finish(), "t.pt");
    }

    private static <T extends RuntimeException> void refused(Class<T> type, String expected, Executable read) {
        T e = assertThrows(type, read);
        assertTrue(e.getMessage().contains(expected), () -> "message '" + e.getMessage() + "' lacks '" + expected
                + "'");
    }

    @Test
    void tensorsOfOneStorageShareItAndReadTheirBytes() {
        TorchSaveFile file = read(saveFile(sharedPickle(), floats(1, 2, 3, 4), "little"));
        assertEquals("t", file.name());
        assertEquals(3, file.version());
        PyTuple pair = assertInstanceOf(PyTuple.class, file.data());
        TensorRef first = (TensorRef) pair.get(0);
        TensorRef second = (TensorRef) pair.get(1);
        assertSame(first.storage(), second.storage());
        assertEquals(2f, first.contiguousData().getFloat(4));
        assertEquals(3f, second.contiguousData().getFloat(0));
        assertTrue(second.contiguousData().isReadOnly());
    }

    @Test
    void deflatedStoragesAreInflatedOnFirstUse() {
        ZipWriter writer = new ZipWriter().text("t/byteorder", "little").text("t/version", "3");
        writer.stored("t/data.pkl", sharedPickle());
        writer.deflated("t/data/0", floats(5, 6, 7, 8));
        TensorRef second = (TensorRef) ((PyTuple) read(writer).data()).get(1);
        assertEquals(8f, second.contiguousData().getFloat(4));
    }

    @Test
    void torchScriptArchiveReadsModuleConstantsAndCode() {
        byte[] data = PickleBytes.protocol(2).global("__torch__.m", "M").op(')').op(0x81)
                .op('}').str("w").tensor("FloatStorage", "0", 4, 0, new long[] {4}, ROW).op('s').op('b').stop();
        byte[] constants = PickleBytes.protocol(2).mark()
                .tensor("FloatStorage", "0", 1, 0, new long[0], new long[0]).tuple().stop();
        ZipWriter writer = new ZipWriter().text("m/version", "3").text("m/code/__torch__/m.py", "class M(Module):");
        writer.stored("m/data.pkl", data);
        writer.stored("m/constants.pkl", constants);
        writer.stored("m/data/0", floats(1, 2, 3, 4));
        writer.stored("m/constants/0", floats(9));
        try (TorchArchive archive = TorchArchive.of(writer.finish(), "m.pt")) {
            PyObject module = archive.module();
            assertEquals("__torch__.m.M", module.className());
            assertEquals(4, ((TensorRef) module.requireAttr("w")).numel());
            TensorRef constant = (TensorRef) archive.constants().get(0);
            assertEquals(9f, constant.contiguousData().getFloat(0));
            assertEquals(List.of("__torch__/m.py"), List.copyOf(archive.code().keySet()));
        }
    }

    @Test
    void bigEndianArchivesAreRefused() {
        refused(ArchiveException.class, "big-endian archives are not supported",
                () -> read(saveFile(sharedPickle(), floats(1, 2, 3, 4), "big")));
        refused(ArchiveException.class, "unknown byte order 'middle'",
                () -> read(saveFile(sharedPickle(), floats(1, 2, 3, 4), "middle")));
    }

    @Test
    void storageSizeMustMatchItsElementCount() {
        refused(ArchiveException.class, "storage entry 't/data/0' holds 12 bytes, but t/data.pkl declares 4 "
                + "elements of torch.float32 (16 bytes)", () -> read(saveFile(sharedPickle(), floats(1, 2, 3),
                "little")));
        refused(ArchiveException.class, "no entry 't/data/0'", () -> read(saveFile(sharedPickle(), null,
                "little")));
    }

    @Test
    void tensorBeyondItsStorageIsRefused() {
        byte[] pickle = PickleBytes.protocol(2).tensor("FloatStorage", "0", 4, 3, new long[] {2}, ROW).stop();
        refused(PickleException.class, "reaches byte 20 of storage '0', which has 16",
                () -> read(saveFile(pickle, floats(1, 2, 3, 4), "little")));
    }

    @Test
    void absurdStorageElementCountIsRefused() {
        byte[] pickle = PickleBytes.protocol(2).tensor("DoubleStorage", "0", Long.MAX_VALUE / 4, 0, ROW, ROW)
                .stop();
        refused(PickleException.class, "absurd element count 2305843009213693951 of torch.float64",
                () -> read(saveFile(pickle, floats(1, 2), "little")));
    }

    @Test
    void refusedGlobalNamesTheEntry() {
        byte[] exploit = new PickleBytes().global("os", "system").mark().str("rm -rf /").tuple().reduce().stop();
        refused(PickleException.class, "refused global 'os.system' in t/data.pkl",
                () -> read(saveFile(exploit, null, "little")));
    }

    @Test
    void layoutMistakesAreRefused() {
        ZipWriter twoFolders = saveFile(sharedPickle(), floats(1, 2, 3, 4), "little").text("u/other", "x");
        refused(ArchiveException.class, "all entries in one top folder, found t/, u/", () -> read(twoFolders));
        ZipWriter noVersion = new ZipWriter();
        noVersion.stored("t/data.pkl", sharedPickle());
        refused(ArchiveException.class, "no t/version record", () -> read(noVersion));
        ZipWriter badVersion = new ZipWriter().text("t/version", "three");
        refused(ArchiveException.class, "version record 'three' is not a number", () -> read(badVersion));
        ZipWriter notAModule = new ZipWriter().text("n/version", "3");
        notAModule.stored("n/data.pkl", PickleBytes.protocol(2).op('N').stop());
        refused(ArchiveException.class, "data.pkl holds a NoneType, not a module object",
                () -> TorchArchive.of(notAModule.finish(), "n.pt").module());
    }

    @Test
    void randomCorruptionNeverEscapesAsAnotherException() {
        byte[] file = saveFile(sharedPickle(), floats(1, 2, 3, 4), "little").finish();
        Corruption.fuzz(file, 5, 3000, 3, bytes -> PyValues.tensors(TorchSaveFile.of(bytes, "fuzz.pt").data())
                .forEach(t -> t.storage().segment()), List.of(ArchiveException.class, PickleException.class));
    }
}
