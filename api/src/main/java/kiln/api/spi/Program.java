package kiln.api.spi;

import java.util.List;
import kiln.dialects.torch.schema.FunctionSchema;
import kiln.runtime.backend.Outputs;

/**
 * A loaded model as a {@link ModelFormat} hands it to the API: the root module's methods, ready to run on the
 * target the model was loaded for. Values are the runtime's ({@code kiln.runtime.interp.value}: runtime tensors,
 * boxed numbers, {@code ScriptList}, ..., {@code null} for None); the API converts to and from {@link
 * kiln.api.Value}. Implementations must allow calls from several threads at once.
 */
public interface Program extends AutoCloseable {
    /** The root module's qualified class name, e.g. {@code __torch__.MyModule}. */
    String className();

    /** The methods callable on the root module, in the order the model defines them. */
    List<String> methodNames();

    /**
     * The signature of method {@code method} without {@code self}: argument names, types and defaults, and the
     * return type; its {@linkplain FunctionSchema#name() name} is the method's.
     *
     * @throws IllegalArgumentException when there is no such method
     */
    FunctionSchema signature(String method);

    /**
     * Runs method {@code method} of the root module on {@code args} (one per declared argument, defaults filled in,
     * without {@code self}) and returns its outputs, with the storage that only they hold to hand back on close.
     */
    Outputs invoke(String method, List<?> args);

    /**
     * The root module's attribute {@code name} (a parameter, buffer, submodule or other attribute).
     *
     * @throws IllegalArgumentException when there is none by that name
     */
    Object attribute(String name);

    /** The root module's attribute names, in declaration order. */
    List<String> attributeNames();

    /** Drops what the program holds for running (compiled methods); later calls are refused by the API. */
    @Override
    void close();
}
