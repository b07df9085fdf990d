package kiln.runtime.interp;

import kiln.dialects.ir.Operation;

/** One op of a {@link Plan}, ready to run: its operands and results are frame slots. */
interface Step {
    void run(Frame frame);

    /** The op this step runs, for error reports. */
    Operation op();
}
