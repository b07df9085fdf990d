package kiln.runtime.interp.kernels;

import static kiln.runtime.interp.kernels.Args.list;
import static kiln.runtime.interp.kernels.Args.optLong;
import static kiln.runtime.interp.kernels.Args.toBool;
import static kiln.runtime.interp.kernels.Args.toLong;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kiln.dialects.torch.scalar.PyNumbers;
import kiln.dialects.torch.scalar.PySlice;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.interp.value.ScriptList;
import kiln.runtime.interp.value.ScriptObject;
import kiln.runtime.interp.value.ScriptTuple;
import kiln.runtime.interp.value.ValuePrinter;
import kiln.runtime.interp.value.Values;

/** Kernels of {@code List[T]}: indexing, mutation, search, sorting and comparison, with Python's errors. */
final class ListKernels {
    private static final String[] ELEMENTS = {"int", "float", "bool", "str", "Tensor"};

    private ListKernels() {
    }

    static void register(KernelRegistry r) {
        r.register("aten::len", a -> (long) list(a[0]).size(), "t", "any");
        r.register("aten::__getitem__.t", a -> get(list(a[0]), toLong(a[1])));
        r.register("aten::select.t", a -> get(list(a[0]), toLong(a[1])));
        r.register("aten::_set_item.t", a -> {
            ScriptList l = list(a[0]);
            l.set(PySlice.index(toLong(a[1]), l.size(), "list assignment"), a[2]);
            return l;
        });
        r.register("aten::append.t", a -> {
            list(a[0]).add(a[1]);
            return a[0];
        });
        r.register("aten::extend.t", a -> {
            list(a[0]).items().addAll(new ArrayList<>(list(a[1]).items()));
            return null;
        });
        r.register("aten::insert.t", a -> {
            ScriptList l = list(a[0]);
            long i = toLong(a[1]);
            long at = i < 0 ? Math.max(0, i + l.size()) : Math.min(i, l.size());
            l.insert((int) at, a[2]);
            return null;
        });
        r.register("aten::pop.t", a -> {
            ScriptList l = list(a[0]);
            if (l.isEmpty()) {
                throw ScriptException.indexError("pop from empty list");
            }
            return l.removeAt(PySlice.index(toLong(a[1]), l.size(), "pop"));
        });
        r.register("aten::Delete.t", a -> {
            ScriptList l = list(a[0]);
            l.removeAt(PySlice.index(toLong(a[1]), l.size(), "list assignment"));
            return null;
        });
        r.register("aten::remove", a -> {
            ScriptList l = list(a[0]);
            int i = indexOf(l, a[1]);
            if (i < 0) {
                throw ScriptException.valueError("list.remove(x): x not in list");
            }
            l.removeAt(i);
            return null;
        }, ELEMENTS);
        r.register("aten::clear.t", a -> {
            list(a[0]).clear();
            return null;
        });
        r.register("aten::reverse.t", a -> {
            java.util.Collections.reverse(list(a[0]).items());
            return null;
        });
        r.register("aten::copy.t", a -> list(a[0]).copy());
        r.register("aten::list.t", a -> list(a[0]).copy());
        r.register("aten::add.t", a -> {
            ScriptList out = list(a[0]).copy();
            out.items().addAll(list(a[1]).items());
            return out;
        });
        r.register("aten::add_.t", a -> {
            list(a[0]).items().addAll(new ArrayList<>(list(a[1]).items()));
            return a[0];
        });
        r.register("aten::mul.left_t", a -> repeat(list(a[0]), toLong(a[1])));
        r.register("aten::mul.right_", a -> repeat(list(a[1]), toLong(a[0])));
        r.register("aten::slice.t", a -> {
            ScriptList l = list(a[0]);
            ScriptList out = ScriptList.empty(l.elementType());
            for (int i : PySlice.positions(l.size(), optLong(a[1]), optLong(a[2]), toLong(a[3]))) {
                out.add(l.get(i));
            }
            return out;
        });
        r.register("aten::__contains__", a -> indexOf(list(a[0]), a[1]) >= 0, "int_list", "float_list", "str_list");
        r.register("aten::count", a -> list(a[0]).items().stream().filter(e -> Values.pyEquals(e, a[1])).count(),
                ELEMENTS);
        r.register("aten::index", a -> {
            int i = indexOf(list(a[0]), a[1]);
            if (i < 0) {
                throw ScriptException.valueError(ValuePrinter.print(a[1]) + " is not in list");
            }
            return (long) i;
        }, "list_int", "list_float", "list_bool", "list_str", "list_Tensor");
        r.register("aten::eq", a -> Values.pyEquals(a[0], a[1]), "int_list", "float_list", "bool_list", "str_list");
        r.register("aten::ne", a -> !Values.pyEquals(a[0], a[1]), "int_list", "float_list", "bool_list", "str_list");
        r.register("aten::sum.int", a -> list(a[0]).items().stream().mapToLong(Values::toLong).sum());
        r.register("aten::sum.bool", a -> list(a[0]).items().stream().mapToLong(Values::toLong).sum());
        r.register("aten::sum.float", a -> list(a[0]).items().stream().mapToDouble(Values::toDouble).sum());
        r.register("aten::any", a -> list(a[0]).items().stream().anyMatch(ListKernels::truthy),
                "bool", "int", "float", "str");
        r.register("aten::all", a -> list(a[0]).items().stream().allMatch(ListKernels::truthy),
                "bool", "int", "float");
        registerOrdering(r);
    }

    private static void registerOrdering(KernelRegistry r) {
        for (String t : new String[] {"int", "float", "bool", "str", "Tensor", "any"}) {
            r.registerFactory("aten::sort." + t, (op, ctx) -> a -> {
                List<Object> items = list(a[0]).items();
                items.sort(order(ctx, toBool(a[1])));
                return null;
            });
            r.registerFactory("aten::sorted." + t, (op, ctx) -> a -> {
                ScriptList out = list(a[0]).copy();
                out.items().sort(order(ctx, false));
                return out;
            });
        }
        for (String name : new String[] {"prim::min", "prim::max"}) {
            boolean max = name.endsWith("max");
            r.registerFactory(name, (op, ctx) -> a -> extreme(list(a[0]), ctx, max), "self_int", "self_float",
                    "self_bool");
            r.registerFactory(name, (op, ctx) -> a -> {
                int c = compare(a[0], a[1], ctx);
                return (max ? c >= 0 : c <= 0) ? a[0] : a[1];
            }, "int_list", "float_list", "bool_list");
        }
    }

    private static Object get(ScriptList l, long index) {
        return l.get(PySlice.index(index, l.size(), "list"));
    }

    private static int indexOf(ScriptList l, Object v) {
        for (int i = 0; i < l.size(); i++) {
            if (Values.pyEquals(l.get(i), v)) {
                return i;
            }
        }
        return -1;
    }

    private static ScriptList repeat(ScriptList l, long n) {
        ScriptList out = ScriptList.empty(l.elementType());
        for (long i = 0; i < n; i++) {
            out.items().addAll(l.items());
        }
        return out;
    }

    private static boolean truthy(Object v) {
        return switch (v) {
            case Boolean b -> b;
            case Long l -> l != 0;
            case Double d -> d != 0;
            case String s -> !s.isEmpty();
            default -> v != null;
        };
    }

    private static Object extreme(ScriptList l, KernelContext ctx, boolean max) {
        if (l.isEmpty()) {
            throw ScriptException.valueError((max ? "max" : "min") + "() arg is an empty sequence");
        }
        Object best = l.get(0);
        for (Object v : l.items()) {
            int c = compare(v, best, ctx);
            if (max ? c > 0 : c < 0) {
                best = v;
            }
        }
        return best;
    }

    /** Python's ordering, stable; {@code reverse} sorts descending as {@code list.sort(reverse=True)}. */
    static Comparator<Object> order(KernelContext ctx, boolean reverse) {
        Comparator<Object> c = (x, y) -> compare(x, y, ctx);
        return reverse ? c.reversed() : c;
    }

    /** Python's {@code <} as a comparison: numbers, strings, bools, lists and tuples, objects by {@code __lt__}. */
    static int compare(Object x, Object y, KernelContext ctx) {
        if (x instanceof ScriptObject o && y instanceof ScriptObject) {
            if (toBool(ctx.callMethod(o, "__lt__", y))) {
                return -1;
            }
            return toBool(ctx.callMethod((ScriptObject) y, "__lt__", x)) ? 1 : 0;
        }
        if (Values.isNumber(x) && Values.isNumber(y)) {
            return PyNumbers.lt(x, y) ? -1 : PyNumbers.lt(y, x) ? 1 : 0;
        }
        if (x instanceof String s && y instanceof String t) {
            return s.compareTo(t);
        }
        List<Object> xs = x instanceof ScriptList l ? l.items() : x instanceof ScriptTuple t ? t.elements() : null;
        List<Object> ys = y instanceof ScriptList l ? l.items() : y instanceof ScriptTuple t ? t.elements() : null;
        if (xs != null && ys != null) {
            for (int i = 0; i < Math.min(xs.size(), ys.size()); i++) {
                int c = compare(xs.get(i), ys.get(i), ctx);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(xs.size(), ys.size());
        }
        throw ScriptException.typeError("'<' not supported between instances of '" + Values.typeName(x) + "' and '"
                + Values.typeName(y) + "'");
    }
}
