package kiln.runtime.interp;

import kiln.runtime.interp.value.ScriptException;

/**
 * Where the interpreter finds the data of constants that graph text cannot hold: a tensor constant compiled from
 * an archive's code ({@code prim::Constant[value=<Tensor>]}) names its entry in the archive's constants table
 * ({@code CONSTANTS.c0}; see {@link kiln.dialects.torch.TensorAttr#dataSource()}). The embedder supplies the table;
 * the interpreter reads each entry once, when it builds the plan of a graph that uses it.
 */
@FunctionalInterface
public interface ConstantTable {
    /** The value of entry {@code source}; a {@link ScriptException} when there is none. */
    Object value(String source);

    /** No constants: every tensor constant is an error. */
    ConstantTable NONE = source -> {
        throw ScriptException.runtimeError("no data for the tensor constant " + source + ": the interpreter was "
                + "given no constants table");
    };
}
