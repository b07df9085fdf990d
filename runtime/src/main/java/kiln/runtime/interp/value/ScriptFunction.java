package kiln.runtime.interp.value;

import java.util.Objects;

/**
 * A first-class script function (TorchScript's {@code Function} constant, {@code prim::Constant[name="f"]}):
 * {@code prim::CallFunction} asks the {@code Callables} for the graph of this name.
 */
public record ScriptFunction(String name) {
    public ScriptFunction {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return "<function " + name + ">";
    }
}
