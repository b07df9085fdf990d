package kiln.runtime.interp.kernels;

import static kiln.runtime.interp.kernels.Args.str;
import static kiln.runtime.interp.kernels.Args.toLong;

import java.util.concurrent.atomic.AtomicBoolean;
import kiln.dialects.torch.types.Device;
import kiln.dialects.torch.types.DeviceType;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.interp.value.ScriptFuture;
import kiln.runtime.interp.value.Values;
import kiln.runtime.tensor.Tensor;

/** Kernels of the language's own operators: identity tests, optionals, devices, warnings, futures, grad mode. */
final class PrimKernels {
    private static final ThreadLocal<Boolean> GRAD_ENABLED = ThreadLocal.withInitial(() -> true);

    private PrimKernels() {
    }

    static void register(KernelRegistry r) {
        r.register("aten::__is__", a -> is(a[0], a[1]));
        r.register("aten::__isnot__", a -> !is(a[0], a[1]));
        r.register("aten::_unwrap_optional", a -> unwrap(a[0]));
        r.register("prim::unchecked_unwrap_optional", a -> unwrap(a[0]));
        r.register("aten::device", a -> Device.parse(str(a[0])));
        r.register("aten::device.with_index", a -> {
            DeviceType type = DeviceType.fromText(str(a[0])).orElseThrow(
                    () -> ScriptException.runtimeError("Expected one of cpu, cuda, ... device type at start of "
                            + "device string: " + a[0]));
            return Device.of(type, Math.toIntExact(toLong(a[1])));
        });
        r.register("aten::eq.device", a -> a[0].equals(a[1]));
        r.register("aten::ne.device", a -> !a[0].equals(a[1]));
        r.register("prim::type", a -> ((Device) a[0]).type().text());
        r.register("prim::index", a -> {
            Device d = (Device) a[0];
            return d.index().isPresent() ? (Object) (long) d.index().getAsInt() : null;
        });
        r.register("aten::wait", a -> ((ScriptFuture) a[0]).await());
        // grad mode, which torch.no_grad() switches: a per-thread flag, as PyTorch's GradMode (Kiln computes no
        // gradients, so nothing else reads it)
        r.register("aten::is_grad_enabled", a -> GRAD_ENABLED.get());
        r.register("aten::set_grad_enabled", a -> {
            GRAD_ENABLED.set((Boolean) a[0]);
            return null;
        });
        r.registerFactory("aten::warn", (op, ctx) -> {
            AtomicBoolean warned = new AtomicBoolean();
            return a -> {
                if (warned.compareAndSet(false, true)) {
                    ctx.warn(str(a[0]));
                }
                return null;
            };
        });
    }

    /**
     * TorchScript's {@code is}: None is None; tensors, containers and objects by identity; ints, floats, bools and
     * strings (which TorchScript holds by value) by value.
     */
    static boolean is(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Tensor || b instanceof Tensor) {
            return a == b;
        }
        if (Values.isNumber(a) || a instanceof String || a instanceof Device) {
            return a.getClass() == b.getClass() && a.equals(b);
        }
        return a == b;
    }

    private static Object unwrap(Object v) {
        if (v == null) {
            throw ScriptException.runtimeError("Unwrapping null optional");
        }
        return v;
    }
}
