package kiln.frontend.pickle;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;

/** One run of the pickle machine over one input: reads opcodes until {@code STOP}. */
final class PickleMachine {
    private final String source;
    private final PickleInput in;
    private final GlobalResolver resolver;
    private final Unpickler.PersistentLoader loader;
    private final Freezer freezer;
    private final PickleStack stack;
    private int opStart;

    PickleMachine(String source, PickleInput in, GlobalResolver resolver, Unpickler.PersistentLoader loader,
                  Unpickler.Limits limits) {
        this.source = source;
        this.in = in;
        this.resolver = resolver;
        this.loader = loader;
        Budget budget = new Budget(limits.maxObjects());
        this.freezer = new Freezer(limits.maxDepth(), budget);
        this.stack = new PickleStack(limits, budget);
    }

    PyValue run() {
        try {
            while (true) {
                opStart = in.position();
                if (in.remaining() == 0) {
                    throw new IllegalArgumentException("truncated: the pickle ends without STOP");
                }
                int code = in.u8("opcode");
                Opcode op = Opcode.of(code);
                if (op == null) {
                    throw new IllegalArgumentException(String.format("unknown opcode 0x%02x", code));
                }
                if (op == Opcode.STOP) {
                    return freezer.freeze(stack.pop());
                }
                step(op);
            }
        } catch (IllegalArgumentException e) {
            throw new PickleException(e.getMessage() + " in " + source + " at offset " + opStart, e);
        }
    }

    private void step(Opcode op) {
        switch (op) {
            case PROTO -> {
                int protocol = in.u8("PROTO");
                if (protocol > Opcode.HIGHEST_PROTOCOL) {
                    throw new IllegalArgumentException("unsupported pickle protocol " + protocol);
                }
            }
            case FRAME -> {
                long length = in.u64("FRAME");
                if (length < 0 || length > in.remaining()) {
                    throw new IllegalArgumentException("FRAME of " + Long.toUnsignedString(length)
                            + " bytes but " + in.remaining() + " are left");
                }
            }
            case MARK -> stack.mark();
            case POP -> {
                if (stack.isEmpty()) {
                    stack.popMark();
                } else {
                    stack.pop();
                }
            }
            case POP_MARK -> stack.popMark();
            case DUP -> stack.push(stack.peek());
            default -> {
                if (!scalar(op) && !container(op) && !objects(op) && !memo(op)) {
                    throw new IllegalArgumentException(refusal(op));
                }
            }
        }
    }

    private static String refusal(Opcode op) {
        return switch (op) {
            case NEXT_BUFFER, READONLY_BUFFER -> op + ": out-of-band buffers are not supported";
            case EXT1, EXT2, EXT4 -> op + ": the extension registry is not supported";
            case INST, OBJ -> op + ": protocol-0 class instances are not supported";
            default -> "opcode " + op + " is not supported";
        };
    }

    /** Numbers, strings, bytes, None and booleans. */
    private boolean scalar(Opcode op) {
        PyValue value = switch (op) {
            case NONE -> PyNone.NONE;
            case NEWTRUE -> PyBool.TRUE;
            case NEWFALSE -> PyBool.FALSE;
            case INT -> {
                String text = in.line("INT");
                yield switch (text) {
                    case "00" -> PyBool.FALSE;
                    case "01" -> PyBool.TRUE;
                    default -> TextCodec.integer(text);
                };
            }
            case LONG -> TextCodec.integer(in.line("LONG"));
            case BININT -> PyInt.of(in.i32("BININT"));
            case BININT1 -> PyInt.of(in.u8("BININT1"));
            case BININT2 -> PyInt.of(in.u16("BININT2"));
            case LONG1 -> in.signedLittleEndian(in.u8("LONG1"), "LONG1");
            case LONG4 -> in.signedLittleEndian(in.i32("LONG4"), "LONG4");
            case FLOAT -> new PyFloat(TextCodec.floating(in.line("FLOAT")));
            case BINFLOAT -> new PyFloat(in.f64BigEndian("BINFLOAT"));
            case STRING -> new PyStr(TextCodec.quoted(in.line("STRING")));
            case BINSTRING -> new PyStr(in.utf8(in.i32("BINSTRING"), "BINSTRING"));
            case SHORT_BINSTRING -> new PyStr(in.utf8(in.u8("SHORT_BINSTRING"), "SHORT_BINSTRING"));
            case UNICODE -> new PyStr(TextCodec.rawUnicodeEscape(in.line("UNICODE")));
            case BINUNICODE -> new PyStr(in.utf8(in.u32("BINUNICODE"), "BINUNICODE"));
            case SHORT_BINUNICODE -> new PyStr(in.utf8(in.u8("SHORT_BINUNICODE"), "SHORT_BINUNICODE"));
            case BINUNICODE8 -> new PyStr(in.utf8(in.u64("BINUNICODE8"), "BINUNICODE8"));
            case BINBYTES -> new PyBytes(in.bytes(in.u32("BINBYTES"), "BINBYTES"));
            case SHORT_BINBYTES -> new PyBytes(in.bytes(in.u8("SHORT_BINBYTES"), "SHORT_BINBYTES"));
            case BINBYTES8 -> new PyBytes(in.bytes(in.u64("BINBYTES8"), "BINBYTES8"));
            case BYTEARRAY8 -> new PyBytes(in.bytes(in.u64("BYTEARRAY8"), "BYTEARRAY8"));
            default -> null;
        };
        if (value == null) {
            return false;
        }
        stack.push(value);
        return true;
    }

    /** Tuples, lists, dicts and sets. */
    private boolean container(Opcode op) {
        switch (op) {
            case EMPTY_TUPLE -> stack.push(PyTuple.EMPTY);
            case TUPLE -> stack.push(tuple(stack.popMark()));
            case TUPLE1 -> stack.push(tuple(stack.pop(1)));
            case TUPLE2 -> stack.push(tuple(stack.pop(2)));
            case TUPLE3 -> stack.push(tuple(stack.pop(3)));
            case EMPTY_LIST -> stack.push(new Pending.ListOf());
            case LIST -> {
                Pending.ListOf list = new Pending.ListOf();
                list.items.addAll(stack.popMark());
                stack.push(list);
            }
            case APPEND -> appendAll(List.of(stack.pop()));
            case APPENDS -> appendAll(stack.popMark());
            case EMPTY_DICT -> stack.push(new Pending.DictOf());
            case DICT -> {
                List<Object> items = stack.popMark();
                Pending.DictOf dict = new Pending.DictOf();
                stack.push(dict);
                setAll(items);
            }
            case SETITEM -> setAll(stack.pop(2));
            case SETITEMS -> setAll(stack.popMark());
            case EMPTY_SET -> stack.push(new Pending.SetOf());
            case ADDITEMS -> {
                List<Object> items = stack.popMark();
                if (!(stack.peek() instanceof Pending.SetOf set)) {
                    throw new IllegalArgumentException("ADDITEMS on " + typeName(stack.peek()));
                }
                items.forEach(item -> set.items.add(hashable(item)));
                freezer.changed();
            }
            case FROZENSET -> {
                List<Object> items = stack.popMark();
                SequencedSet<PyValue> elements = new LinkedHashSet<>();
                items.forEach(item -> elements.add(hashable(item)));
                stack.push(freezer.admit(new PySet(elements, true)));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private Object tuple(List<Object> items) {
        for (Object item : items) {
            if (!(item instanceof PyValue)) {
                return new Pending.TupleOf(items);
            }
        }
        return freezer.admit(new PyTuple(items.stream().map(PyValue.class::cast).toList()));
    }

    private void appendAll(List<Object> items) {
        if (!(stack.peek() instanceof Pending.ListOf list)) {
            throw new IllegalArgumentException("APPEND to " + typeName(stack.peek()));
        }
        list.items.addAll(items);
        freezer.changed();
    }

    private void setAll(List<Object> keysAndValues) {
        if (keysAndValues.size() % 2 != 0) {
            throw new IllegalArgumentException("SETITEMS with an odd number of items");
        }
        if (!(stack.peek() instanceof Pending.DictOf dict)) {
            throw new IllegalArgumentException("SETITEM on " + typeName(stack.peek()));
        }
        for (int i = 0; i < keysAndValues.size(); i += 2) {
            dict.entries.put(hashable(keysAndValues.get(i)), keysAndValues.get(i + 1));
        }
        freezer.changed();
    }

    private PyValue hashable(Object item) {
        return Hashing.requireHashable(freezer.freeze(item));
    }

    /** Globals, calls, objects and persistent ids. */
    private boolean objects(Opcode op) {
        switch (op) {
            case GLOBAL -> {
                String module = in.utf8Line("GLOBAL");
                String name = in.utf8Line("GLOBAL");
                stack.push(global(module, name));
            }
            case STACK_GLOBAL -> {
                Object name = stack.pop();
                Object module = stack.pop();
                if (!(module instanceof PyStr(String m)) || !(name instanceof PyStr(String n))) {
                    throw new IllegalArgumentException("STACK_GLOBAL needs two str, got " + typeName(module)
                            + " and " + typeName(name));
                }
                stack.push(global(m, n));
            }
            case REDUCE -> {
                Object args = stack.pop();
                stack.push(call(stack.pop(), args, "REDUCE"));
            }
            case NEWOBJ -> {
                Object args = stack.pop();
                stack.push(newObject(stack.pop(), args));
            }
            case NEWOBJ_EX -> {
                Object kwargs = stack.pop();
                Object args = stack.pop();
                if (!(freezer.freeze(kwargs) instanceof PyDict dict) || dict.size() != 0) {
                    throw new IllegalArgumentException("NEWOBJ_EX with keyword arguments is not supported");
                }
                stack.push(newObject(stack.pop(), args));
            }
            case BUILD -> {
                Object state = stack.pop();
                if (!(stack.peek() instanceof Pending.Instance instance)) {
                    throw new IllegalArgumentException("BUILD on " + typeName(stack.peek()) + " is not supported");
                }
                if (instance.built) {
                    throw new IllegalArgumentException("BUILD twice on " + instance.className);
                }
                instance.state = state;
                instance.built = true;
                freezer.changed();
            }
            case PERSID -> stack.push(persistent(new PyStr(in.line("PERSID"))));
            case BINPERSID -> stack.push(persistent(freezer.freeze(stack.pop())));
            default -> {
                return false;
            }
        }
        return true;
    }

    private Object global(String module, String name) {
        Global global = resolver.resolve(module, name).orElseThrow(
                () -> new IllegalArgumentException("refused global '" + module + "." + name + "'"));
        return global instanceof Global.Constant(var n, PyValue value) ? value : global;
    }

    private Object call(Object callable, Object args, String how) {
        if (!(callable instanceof Global.Callable(String name, Global.Body body))) {
            throw new IllegalArgumentException(how + " on " + typeName(callable) + ", which is not callable");
        }
        if (!(freezer.freeze(args) instanceof PyTuple tuple)) {
            throw new IllegalArgumentException(how + " of " + name + " with arguments that are not a tuple");
        }
        PyValue result;
        try {
            result = body.call(tuple);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
        freezer.admit(result);
        Pending mutable = freezer.thaw(result);
        return mutable != null ? mutable : result;
    }

    private Object newObject(Object cls, Object args) {
        if (cls instanceof Global.ObjectClass(String name)) {
            if (!(freezer.freeze(args) instanceof PyTuple tuple) || tuple.size() != 0) {
                throw new IllegalArgumentException("NEWOBJ of " + name + " with arguments is not supported");
            }
            return new Pending.Instance(name);
        }
        return call(cls, args, "NEWOBJ");
    }

    private PyValue persistent(PyValue id) {
        return freezer.admit(loader.load(id));
    }

    /** PUT, GET and MEMOIZE. */
    private boolean memo(Opcode op) {
        switch (op) {
            case PUT -> stack.put(memoIndex(in.line("PUT")));
            case BINPUT -> stack.put(in.u8("BINPUT"));
            case LONG_BINPUT -> stack.put(in.u32("LONG_BINPUT"));
            case MEMOIZE -> stack.memoize();
            case GET -> stack.push(stack.get(memoIndex(in.line("GET"))));
            case BINGET -> stack.push(stack.get(in.u8("BINGET")));
            case LONG_BINGET -> stack.push(stack.get(in.u32("LONG_BINGET")));
            default -> {
                return false;
            }
        }
        return true;
    }

    private static long memoIndex(String text) {
        if (!(TextCodec.integer(text) instanceof PyInt(long index))) {
            throw new IllegalArgumentException("memo index out of range: " + text);
        }
        return index;
    }

    private static String typeName(Object item) {
        return switch (item) {
            case PyValue value -> value.typeName();
            case Pending pending -> pending.typeName();
            case Global global -> global.name();
            default -> item.getClass().getSimpleName();
        };
    }
}
