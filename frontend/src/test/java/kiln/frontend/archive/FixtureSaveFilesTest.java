package kiln.frontend.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import kiln.frontend.pickle.DType;
import kiln.frontend.pickle.PyBool;
import kiln.frontend.pickle.PyDict;
import kiln.frontend.pickle.PyList;
import kiln.frontend.pickle.PyStr;
import kiln.frontend.pickle.PyTuple;
import kiln.frontend.pickle.PyValue;
import kiln.frontend.pickle.TensorRef;
import kiln.frontend.pickle.TorchVersion;
import org.junit.jupiter.api.Test;

/** {@code torch.save} files: the models' {@code .io.pt} cases and the {@code ops/*.pt} operator cases. */
class FixtureSaveFilesTest {
    private static final TorchVersion TORCH = new TorchVersion("2.11.0+cu130");

    @Test
    void everyModelCaseFileLoads() throws IOException {
        List<Path> files = Fixtures.files("models", ".io.pt");
        assertEquals(20, files.size());
        for (Path file : files) {
            try (TorchSaveFile saved = TorchSaveFile.open(file)) {
                String model = file.getFileName().toString().replaceFirst("\\.io\\.pt$", "");
                assertEquals(model + ".io", saved.name());
                PyDict data = assertInstanceOf(PyDict.class, saved.data());
                assertEquals(new PyStr(model), data.require("name"));
                assertEquals(TORCH, data.require("torch_version"));
                PyList cases = assertInstanceOf(PyList.class, data.require("cases"));
                assertTrue(cases.size() > 0, file + " has no cases");
                for (PyValue item : cases.items()) {
                    PyDict c = assertInstanceOf(PyDict.class, item);
                    assertInstanceOf(PyStr.class, c.require("method"));
                    assertInstanceOf(PyTuple.class, c.require("inputs"));
                    assertInstanceOf(PyStr.class, c.require("stdout"));
                    assertInstanceOf(PyBool.class, c.require("eager_match"));
                    c.require("outputs");
                }
            }
        }
    }

    @Test
    void everyOpsFileLoadsWithWellFormedCases() throws IOException {
        List<Path> files = Fixtures.files("ops", ".pt");
        assertEquals(447, files.size());
        List<String> failures = new ArrayList<>();
        int caseCount = 0;
        for (Path file : files) {
            try (TorchSaveFile saved = TorchSaveFile.open(file)) {
                caseCount += checkOpsFile(saved, file.getFileName().toString());
            } catch (RuntimeException | AssertionError e) {
                failures.add(file.getFileName() + ": " + e);
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " ops files failed:\n" + String.join("\n", failures));
        }
        assertEquals(1544, caseCount);
    }

    private static int checkOpsFile(TorchSaveFile saved, String fileName) {
        PyDict data = assertInstanceOf(PyDict.class, saved.data());
        PyStr op = assertInstanceOf(PyStr.class, data.require("op"));
        assertTrue(fileName.startsWith(op.value()), fileName + " holds op " + op);
        assertEquals(TORCH, data.require("torch_version"));
        PyList cases = assertInstanceOf(PyList.class, data.require("cases"));
        for (PyValue item : cases.items()) {
            PyDict c = assertInstanceOf(PyDict.class, item);
            String fn = assertInstanceOf(PyStr.class, c.require("fn")).value();
            String src = assertInstanceOf(PyStr.class, c.require("src")).value();
            assertTrue(src.startsWith("def " + fn + "("), src);
            assertTrue(assertInstanceOf(PyStr.class, c.require("graph")).value().startsWith("graph("));
            String dtype = assertInstanceOf(PyStr.class, c.require("dtype")).value();
            assertTrue(DType.byName(dtype).isPresent(), dtype);
            String variant = assertInstanceOf(PyStr.class, c.require("variant")).value();
            String caseOp = assertInstanceOf(PyStr.class, c.require("op")).value();
            assertEquals(op.value(), variant.isEmpty() ? caseOp : caseOp + "." + variant);
            assertInstanceOf(PyStr.class, c.require("aten"));
            PyList inputs = assertInstanceOf(PyList.class, c.require("inputs"));
            for (PyValue input : inputs.items()) {
                assertInstanceOf(TensorRef.class, input);
            }
            c.require("expected");
        }
        return cases.size();
    }

    @Test
    void splitOutputsViewOneStorage() throws IOException {
        try (TorchSaveFile split = TorchSaveFile.open(Fixtures.root().resolve("ops/split.pt"))) {
            PyDict first = (PyDict) ((PyList) ((PyDict) split.data()).require("cases")).get(0);
            TensorRef input = (TensorRef) ((PyList) first.require("inputs")).get(0);
            assertEquals(List.of(5L, 5L, 5L), input.sizes());
            PyList expected = assertInstanceOf(PyList.class, first.require("expected"));
            assertEquals(3, expected.size());
            List<Long> offsets = new ArrayList<>();
            for (PyValue part : expected.items()) {
                TensorRef tensor = assertInstanceOf(TensorRef.class, part);
                assertSame(((TensorRef) expected.get(0)).storage(), tensor.storage());
                offsets.add(tensor.storageOffset());
            }
            assertEquals(List.of(0L, 50L, 100L), offsets);
            assertEquals(List.of(1L, 5L, 5L), ((TensorRef) expected.get(2)).sizes());
        }
    }

    @Test
    void uint64TensorComesFromAnUntypedStorage() throws IOException {
        try (TorchSaveFile hash = TorchSaveFile.open(Fixtures.root().resolve("ops/hash_tensor.pt"))) {
            List<TensorRef> uint64 = PyValues.tensors(hash.data()).stream()
                    .filter(t -> t.dtype() == DType.UINT64).toList();
            assertEquals(5, uint64.size(), "one _rebuild_tensor_v3 global, called five times");
            for (TensorRef tensor : uint64) {
                assertEquals(DType.UINT8, tensor.storage().dtype());
                assertEquals(8 * tensor.numel(), tensor.storage().numel());
            }
            TensorRef tensor = uint64.getFirst();
            assertEquals(0xc020f4ed60000000L, tensor.contiguousData().order(ByteOrder.LITTLE_ENDIAN).getLong(0));
        }
    }
}
