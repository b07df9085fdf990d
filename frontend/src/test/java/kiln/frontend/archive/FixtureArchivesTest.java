package kiln.frontend.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import kiln.frontend.pickle.DType;
import kiln.frontend.pickle.PyList;
import kiln.frontend.pickle.PyObject;
import kiln.frontend.pickle.PyStr;
import kiln.frontend.pickle.TensorRef;
import org.junit.jupiter.api.Test;

/** TorchScript archives ({@code models/*.pt}) load with their modules, parameters and sources. */
class FixtureArchivesTest {

    @Test
    void everyModelArchiveLoads() throws IOException {
        List<Path> files = new ArrayList<>(Fixtures.files("models", ".pt"));
        files.removeIf(f -> f.getFileName().toString().endsWith(".io.pt"));
        files.addAll(Fixtures.files("bench", ".pt"));
        assertTrue(files.size() >= 20, "expected the 20 model archives, found " + files.size());
        for (Path file : files) {
            try (TorchArchive archive = TorchArchive.open(file)) {
                String stem = file.getFileName().toString().replaceFirst("\\.pt$", "");
                assertEquals(stem, archive.name());
                PyObject module = archive.module();
                assertTrue(module.className().startsWith("__torch__."), module.className());
                assertFalse(archive.code().isEmpty(), file + " has no code");
                assertTrue(archive.code().keySet().stream().allMatch(k -> k.startsWith("__torch__/")),
                        archive.code().keySet().toString());
                for (TensorRef tensor : PyValues.tensors(module)) {
                    ByteBuffer bytes = tensor.storage().data();
                    assertEquals(tensor.storage().byteSize(), bytes.remaining(), tensor.toString());
                }
            }
        }
    }

    @Test
    void linearLayerHasItsParametersAndSource() throws IOException {
        try (TorchArchive archive = TorchArchive.open(Fixtures.model("linear_layer.pt"))) {
            assertEquals(3, archive.version());
            PyObject module = archive.module();
            assertEquals("__torch__.corpus_public.LinearLayer", module.className());
            TensorRef w = assertInstanceOf(TensorRef.class, module.requireAttr("w"));
            assertEquals(List.of(4L, 3L), w.sizes());
            assertEquals(List.of(3L, 1L), w.strides());
            assertEquals(DType.FLOAT32, w.dtype());
            assertTrue(w.requiresGrad());
            ByteBuffer data = w.contiguousData();
            assertEquals(2.185619592666626f, data.getFloat(0));
            assertEquals(0.5273895859718323f, data.getFloat(11 * 4));
            TensorRef b = assertInstanceOf(TensorRef.class, module.requireAttr("b"));
            assertEquals(List.of(3L), b.sizes());
            assertEquals(-0.8326498866081238f, b.contiguousData().getFloat(8));
            assertNotSame(w.storage(), b.storage());
            assertEquals(0, archive.constants().size());
            assertTrue(archive.code().get("__torch__/corpus_public.py").contains("class LinearLayer(Module):"));
        }
    }

    @Test
    void resnet18HasTorchvisionShapesAndParameterCount() throws IOException {
        try (TorchArchive archive = TorchArchive.open(Fixtures.model("resnet18.pt"))) {
            PyObject module = archive.module();
            PyObject conv1 = assertInstanceOf(PyObject.class, module.requireAttr("conv1"));
            TensorRef weight = assertInstanceOf(TensorRef.class, conv1.requireAttr("weight"));
            assertEquals(List.of(64L, 3L, 7L, 7L), weight.sizes());
            PyObject fc = assertInstanceOf(PyObject.class, module.requireAttr("fc"));
            assertEquals(List.of(1000L, 512L), assertInstanceOf(TensorRef.class, fc.requireAttr("weight")).sizes());
            assertEquals(11_689_512L, parameterCount(module));
            PyObject bn1 = assertInstanceOf(PyObject.class, module.requireAttr("bn1"));
            TensorRef batches = assertInstanceOf(TensorRef.class, bn1.requireAttr("num_batches_tracked"));
            assertEquals(DType.INT64, batches.dtype());
            assertEquals(0, batches.dim());
        }
    }

    @Test
    void mobilenetHasItsParameterCountAndIntLists() throws IOException {
        try (TorchArchive archive = TorchArchive.open(Fixtures.model("mobilenet_v3_small.pt"))) {
            assertEquals(2_542_856L, parameterCount(archive.module()));
        }
    }

    private static long parameterCount(PyObject module) {
        return PyValues.tensors(module).stream().filter(TensorRef::requiresGrad).mapToLong(TensorRef::numel).sum();
    }

    @Test
    void versionComesFromEitherRecord() throws IOException {
        try (TorchArchive mlp = TorchArchive.open(Fixtures.model("mlp.pt"));
             TorchArchive pointwise = TorchArchive.open(Fixtures.model("pointwise.pt"))) {
            assertEquals(10, mlp.version());
            assertEquals(4, pointwise.version());
        }
    }

    @Test
    void tensorListsAndTypeTagsAreRebuilt() throws IOException {
        try (TorchArchive state = TorchArchive.open(Fixtures.model("my_module_state.pt"));
             TorchArchive containers = TorchArchive.open(Fixtures.model("containers.pt"))) {
            PyList tensors = assertInstanceOf(PyList.class, state.module().requireAttr("state"));
            assertEquals(1, tensors.size());
            assertEquals(List.of(3L, 4L), assertInstanceOf(TensorRef.class, tensors.get(0)).sizes());
            assertEquals(PyList.of(new PyStr("a"), new PyStr("b"), new PyStr("c")),
                    containers.module().requireAttr("names"));
        }
    }

    @Test
    void deflatedSourcesAreInflated() throws IOException {
        try (TorchArchive archive = TorchArchive.open(Fixtures.model("resnet18.pt"))) {
            ArchiveEntry functional = archive.zip().require("resnet18/code/__torch__/torch/nn/functional.py");
            assertTrue(functional.isDeflated());
            assertEquals(functional.size(), archive.code().get("__torch__/torch/nn/functional.py").length());
            ArchiveEntry weights = archive.zip().require("resnet18/data/0");
            assertTrue(weights.isStored());
            assertEquals(0, weights.dataOffset() % 64, "PyTorch aligns stored data to 64 bytes");
        }
    }

    @Test
    void sharedStoragesAreTheSameObject() throws IOException {
        try (TorchSaveFile containers = TorchSaveFile.open(Fixtures.model("containers.io.pt"))) {
            List<TensorRef> tensors = PyValues.tensors(containers.data());
            long distinct = tensors.stream().map(TensorRef::storage).distinct().count();
            assertTrue(distinct < tensors.size(), "containers.io.pt shares a storage between tensors");
            for (TensorRef a : tensors) {
                for (TensorRef b : tensors) {
                    if (a.storage().key().equals(b.storage().key())) {
                        assertSame(a.storage(), b.storage());
                    }
                }
            }
        }
    }
}
