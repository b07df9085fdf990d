package kiln.runtime.backend;

import java.util.List;

/**
 * A compiled graph: call it with the graph's inputs as interpreter values (tensors, boxed numbers, strings,
 * script lists/tuples/dicts/objects, null for None); it returns the graph's outputs. Errors the program raises
 * come out as {@link kiln.runtime.interp.value.ScriptException}s, whatever the backend.
 */
@FunctionalInterface
public interface Executable {
    List<Object> run(List<?> args);

    /**
     * Runs and returns the outputs with the storage that only they hold, to hand back deterministically with
     * {@link Outputs#close()}. Backends that cannot tell own nothing: the garbage collector reclaims it all.
     */
    default Outputs invoke(List<?> args) {
        return Outputs.unowned(run(args));
    }
}
