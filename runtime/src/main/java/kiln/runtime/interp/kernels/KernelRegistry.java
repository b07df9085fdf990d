package kiln.runtime.interp.kernels;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Kernels by operator overload, keyed as PyTorch names overloads: {@code aten::add.Tensor}, {@code aten::relu}
 * for a default overload. {@link #standard()} holds every kernel Kiln implements; embedders may add their own.
 */
public final class KernelRegistry {
    private final Map<String, KernelFactory> byOverload = new HashMap<>();

    /** A registry with no kernels. */
    public static KernelRegistry empty() {
        return new KernelRegistry();
    }

    /** A new registry holding every standard kernel (add more to it freely: it is not shared). */
    public static KernelRegistry standard() {
        KernelRegistry r = new KernelRegistry();
        ScalarKernels.register(r);
        StringKernels.register(r);
        ListKernels.register(r);
        DictKernels.register(r);
        PrimKernels.register(r);
        TensorInfoKernels.register(r);
        PointwiseKernels.register(r);
        ShapeKernels.register(r);
        FactoryKernels.register(r);
        ReductionKernels.register(r);
        LinalgKernels.register(r);
        NnKernels.register(r);
        LossKernels.register(r);
        LayoutKernels.register(r);
        IndexKernels.register(r);
        CompositeKernels.register(r);
        SpecialKernels.register(r);
        SpectralKernels.register(r);
        DecompositionKernels.register(r);
        StatisticsKernels.register(r);
        RandomKernels.register(r);
        return r;
    }

    /** Registers {@code kernel} for the overload {@code overloadedName} ({@code aten::add.Tensor}). */
    public KernelRegistry register(String overloadedName, Kernel kernel) {
        return registerFactory(overloadedName, (op, context) -> kernel);
    }

    /** Registers {@code kernel} for {@code name.overload} for each overload ({@code ""} is the default one). */
    public KernelRegistry register(String name, Kernel kernel, String... overloads) {
        for (String o : overloads) {
            register(o.isEmpty() ? name : name + "." + o, kernel);
        }
        return this;
    }

    /** Registers a kernel that is made per op node. */
    public KernelRegistry registerFactory(String overloadedName, KernelFactory factory) {
        if (byOverload.putIfAbsent(overloadedName, factory) != null) {
            throw new IllegalStateException("two kernels for " + overloadedName);
        }
        return this;
    }

    /** Registers {@code factory} for {@code name.overload} for each overload. */
    public KernelRegistry registerFactory(String name, KernelFactory factory, String... overloads) {
        for (String o : overloads) {
            registerFactory(o.isEmpty() ? name : name + "." + o, factory);
        }
        return this;
    }

    public Optional<KernelFactory> lookup(String overloadedName) {
        return Optional.ofNullable(byOverload.get(overloadedName));
    }

    public boolean contains(String overloadedName) {
        return byOverload.containsKey(overloadedName);
    }

    /** Every registered overload name, sorted. */
    public Set<String> overloads() {
        return Collections.unmodifiableSet(new TreeSet<>(byOverload.keySet()));
    }
}
