package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The README's main job: {@code lower} with no arguments compiles and runs the bundled example. */
class DemoCommandTest {

    @Test
    void theDemoCompilesAndRunsOnTheDefaultTarget() {
        CliErrorsTest.Result r = CliErrorsTest.run();
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("== 3. run main() on target 'interp'"), r.out());
        // PyTorch 2.13 prints tensor([[1.1953, 0.7734], [2.8828, 1.7578]]) for the same program
        assertTrue(r.out().contains("mlp:  1.1953  0.7734\n 2.8828  1.7578\n[ CPUFloatType{2,2} ]\n"), r.out());
        assertTrue(r.out().contains("lengths: [4, 6, 11]\n"), r.out());
        assertTrue(r.out().contains("call 2 returned Tensor"), r.out());
    }
}
