package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kiln.api.internal.LoadedModel;
import kiln.dialects.ir.Verifier;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.GraphShape;
import kiln.dialects.torch.GraphText;
import kiln.dialects.torch.types.ScalarType;
import kiln.runtime.backend.Environment;
import kiln.runtime.interp.Interpreter;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * An archive whose code reads tensors from its constants table ({@code CONSTANTS.c0} …): a frozen module written
 * by {@code tools/gen-tensor-constants-archive.py} with PyTorch 2.13, with its recorded cases and the graph PyTorch
 * printed for it. No fixture has such constants. Its code also has what PyTorch writes for {@code with
 * torch.no_grad():}, for a fork of a method (a nested function that reads a constant) and for a dict comprehension.
 */
class TensorConstantsTest {

    static Path resource(String name) {
        try {
            return Path.of(TensorConstantsTest.class.getResource("/kiln/cli/run/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void compilesToTheGraphPyTorchBuilt() throws IOException {
        LoadedModel m = LoadedModel.open(resource("tensor_constants.pt"), Environment.standard());
        Graph forward = m.method("forward");
        assertEquals(List.of(), Verifier.verify(forward.region()));
        Graph pytorch = GraphText.parse(Files.readString(resource("tensor_constants.graph.txt")),
                "tensor_constants.graph.txt").stream().filter(s -> s.name().equals("graph")).findFirst()
                .orElseThrow().graph();
        assertNull(GraphShape.of(forward).differenceFrom(GraphShape.of(pytorch)));
    }

    @Test
    void inspectPrintsEachConstantAsPyTorchDoes() {
        CliErrorsTest.Result r = CliErrorsTest.run("inspect", resource("tensor_constants.pt").toString());
        assertEquals(0, r.code(), r.err());
        // one-element tensors print their value, larger ones <Tensor>
        assertTrue(r.out().contains("Tensor = prim::Constant[value={0.5}]()"), r.out());
        assertTrue(r.out().contains("Tensor = prim::Constant[value={44}]()"), r.out());
        assertEquals(4, r.out().split("prim::Constant\\[value=<Tensor>]", -1).length - 1, r.out());
    }

    @Test
    void runsTheRecordedCasesOnTheInterpreter() {
        CliErrorsTest.Result r = CliErrorsTest.run("run", resource("tensor_constants.pt").toString(), "--inputs",
                resource("tensor_constants.io.pt").toString());
        assertEquals(0, r.code(), r.err() + r.out());
        assertEquals(3, r.out().split("matches the recorded output", -1).length - 1, r.out());
    }

    @Test
    void aTensorConstantNeedsTheArchivesTable() throws IOException {
        LoadedModel m = LoadedModel.open(resource("tensor_constants.pt"), Environment.standard());
        Interpreter bare = Interpreter.create();
        ScriptException e = assertThrows(ScriptException.class, () -> bare.run(m.method("forward"),
                List.of(m.root(), Tensor.zeros(ScalarType.Float, 4))));
        assertTrue(e.getMessage().contains("no data for the tensor constant CONSTANTS.c"), e.getMessage());
    }
}
