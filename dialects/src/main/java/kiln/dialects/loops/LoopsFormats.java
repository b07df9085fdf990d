package kiln.dialects.loops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kiln.dialects.arith.ReductionKind;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.BlockArgument;
import kiln.dialects.ir.BufferType;
import kiln.dialects.ir.FunctionType;
import kiln.dialects.ir.IndexType;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.OpDef;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.StringAttr;
import kiln.dialects.ir.SymbolRefAttr;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.dialects.ir.VectorType;
import kiln.dialects.ir.text.AsmParser;
import kiln.dialects.ir.text.AsmPrinter;
import kiln.dialects.ir.text.Extents;
import kiln.dialects.ir.text.OpFormat;

/**
 * The custom syntax of the loops ops (see {@link LoopsOps}), MLIR's scf/memref/vector style. A body whose
 * {@code loops.yield} gives nothing prints without it, and gets one when read.
 */
final class LoopsFormats {
    private LoopsFormats() {
    }

    static final OpFormat FOR = new For();
    static final OpFormat PARALLEL = new Parallel();
    static final OpFormat IF = new If();
    static final OpFormat YIELD = new Yield();
    static final OpFormat ALLOC = new Alloc();
    static final OpFormat FREE = new Free();
    static final OpFormat LOAD = new Access(false, false);
    static final OpFormat STORE = new Access(true, false);
    static final OpFormat VLOAD = new Access(false, true);
    static final OpFormat VSTORE = new Access(true, true);
    static final OpFormat BROADCAST = new ToVector(LoopsOps.BROADCAST);
    static final OpFormat RAMP = new ToVector(LoopsOps.RAMP);
    static final OpFormat VREDUCE = new Vreduce();
    static final OpFormat DIM = new Dim();
    static final OpFormat CALL = new Call();

    private static Operation create(OpDef def, List<Value> operands, List<Type> results, Map<String, Attribute> attrs,
                                    int regions) {
        return Operation.create(def, operands, results, attrs, regions, Location.UNKNOWN);
    }

    private static Type typeAfterColon(AsmParser p) {
        p.expect(":");
        return p.parseType();
    }

    /** A region in braces, leaving out its entry arguments and an empty yield. */
    private static void printBody(AsmPrinter p, Region r) {
        p.printRegion(r, false, false);
    }

    /** Reads a body whose entry block takes {@code args}, adding an empty {@code loops.yield} if it has no end. */
    private static void parseBody(AsmParser p, Region into, List<AsmParser.Argument> args) {
        Region r = new Region(null);
        p.parseRegion(r, args, false);
        if (r.blocks().isEmpty()) {
            r.addBlock();
        }
        Block b = r.entry();
        if (b.terminator() == null) {
            b.append(create(LoopsOps.YIELD, List.of(), List.of(), Map.of(), 0));
        }
        into.takeBody(r);
    }

    /** {@code %i = %lo to %hi step %s}, returning the loop index's name and where it stood. */
    private record Bounds(AsmParser.Argument index, List<Value> values) {
        static Bounds parse(AsmParser p) {
            p.skipWhitespace();
            int at = p.position();
            String name = p.valueName();
            p.expect("=");
            Value lo = p.parseOperand();
            if (!p.consumeKeyword("to")) {
                throw p.error("expected 'to' but found " + p.describeHere());
            }
            Value hi = p.parseOperand();
            if (!p.consumeKeyword("step")) {
                throw p.error("expected 'step' but found " + p.describeHere());
            }
            Value step = p.parseOperand();
            return new Bounds(new AsmParser.Argument(name, IndexType.INDEX, at), List.of(lo, hi, step));
        }

        static void print(AsmPrinter p, Operation op) {
            p.print(" ").printOperand(op.region(0).entry().argument(0)).print(" = ").printOperand(op.operand(0))
                    .print(" to ").printOperand(op.operand(1)).print(" step ").printOperand(op.operand(2));
        }
    }

    /** {@code %i = %lo to %hi step %s [iter_args(%a = %x, …) -> (T, …)] { body }}. */
    private static final class For implements OpFormat {
        @Override
        public void print(Operation op, AsmPrinter p) {
            Bounds.print(p, op);
            List<BlockArgument> carried = op.region(0).entry().arguments().subList(1, op.numResults() + 1);
            if (!carried.isEmpty()) {
                p.print(" iter_args(");
                for (int i = 0; i < carried.size(); i++) {
                    if (i > 0) {
                        p.print(", ");
                    }
                    p.printOperand(carried.get(i)).print(" = ").printOperand(op.operand(3 + i));
                }
                p.print(") -> (").printTypes(op.results().stream().map(Value::type).toList()).print(")");
            }
            p.printAttributesKeyword(op.attributes(), Set.of()).print(" ");
            printBody(p, op.region(0));
        }

        @Override
        public boolean canPrint(Operation op) {
            return op.region(0).blocks().size() == 1 && op.region(0).entry().arguments().size() == op.numResults() + 1;
        }

        @Override
        public Operation parse(OpDef def, int resultCount, AsmParser p) {
            Bounds b = Bounds.parse(p);
            List<Value> operands = new ArrayList<>(b.values());
            List<AsmParser.Argument> args = new ArrayList<>(List.of(b.index()));
            List<Type> results = new ArrayList<>();
            if (p.consumeKeyword("iter_args")) {
                p.expect("(");
                do {
                    p.skipWhitespace();
                    int at = p.position();
                    String name = p.valueName();
                    p.expect("=");
                    Value init = p.parseOperand();
                    operands.add(init);
                    args.add(new AsmParser.Argument(name, init.type(), at));
                } while (p.consume(","));
                p.expect(")");
                p.expect("->");
                p.expect("(");
                results.addAll(p.parseTypeList());
                p.expect(")");
            }
            Map<String, Attribute> attrs = p.parseOptionalAttributesKeyword();
            Operation op = create(def, operands, results, attrs, 1);
            parseBody(p, op.region(0), args);
            return op;
        }
    }

    /** {@code %i = %lo to %hi step %s grain N { body }}. */
    private static final class Parallel implements OpFormat {
        @Override
        public void print(Operation op, AsmPrinter p) {
            Bounds.print(p, op);
            p.print(" grain ").print(Long.toString(op.attribute(LoopsOps.GRAIN, IntAttr.class).value()))
                    .printAttributesKeyword(op.attributes(), Set.of(LoopsOps.GRAIN)).print(" ");
            printBody(p, op.region(0));
        }

        @Override
        public boolean canPrint(Operation op) {
            return op.attribute(LoopsOps.GRAIN) instanceof IntAttr && op.region(0).blocks().size() == 1
                    && op.region(0).entry().arguments().size() == 1;
        }

        @Override
        public Operation parse(OpDef def, int resultCount, AsmParser p) {
            Bounds b = Bounds.parse(p);
            if (!p.consumeKeyword("grain")) {
                throw p.error("expected 'grain N' but found " + p.describeHere());
            }
            long grain = p.parseInteger();
            Map<String, Attribute> attrs = p.parseOptionalAttributesKeyword();
            attrs.put(LoopsOps.GRAIN, new IntAttr(grain));
            Operation op = create(def, b.values(), List.of(), attrs, 1);
            parseBody(p, op.region(0), List.of(b.index()));
            return op;
        }
    }

    /** {@code %c [-> (T, …)] { then } [else { else }]}. */
    private static final class If implements OpFormat {
        @Override
        public void print(Operation op, AsmPrinter p) {
            p.print(" ").printOperand(op.operand(0));
            if (op.numResults() > 0) {
                p.print(" -> (").printTypes(op.results().stream().map(Value::type).toList()).print(")");
            }
            p.printAttributesKeyword(op.attributes(), Set.of()).print(" ");
            printBody(p, op.region(0));
            Block otherwise = op.region(1).entry();
            boolean empty = otherwise.size() == 1 && otherwise.terminator() != null
                    && otherwise.terminator().numOperands() == 0;
            if (!empty) {
                p.print(" else ");
                printBody(p, op.region(1));
            }
        }

        @Override
        public boolean canPrint(Operation op) {
            return op.region(0).blocks().size() == 1 && op.region(1).blocks().size() == 1;
        }

        @Override
        public Operation parse(OpDef def, int resultCount, AsmParser p) {
            Value c = p.parseOperand();
            List<Type> results = new ArrayList<>();
            if (p.consume("->")) {
                p.expect("(");
                results.addAll(p.parseTypeList());
                p.expect(")");
            }
            Map<String, Attribute> attrs = p.parseOptionalAttributesKeyword();
            Operation op = create(def, List.of(c), results, attrs, 2);
            parseBody(p, op.region(0), List.of());
            if (p.consumeKeyword("else")) {
                parseBody(p, op.region(1), List.of());
            } else {
                Block b = op.region(1).addBlock();
                b.append(create(LoopsOps.YIELD, List.of(), List.of(), Map.of(), 0));
            }
            return op;
        }
    }

    /** {@code [%a, … : T, …]}. */
    private static final class Yield implements OpFormat {
        @Override
        public void print(Operation op, AsmPrinter p) {
            if (op.numOperands() > 0) {
                p.print(" ").printOperands(op.operands()).print(" : ")
                        .printTypes(op.operands().stream().map(Value::type).toList());
            }
        }

        @Override
        public Operation parse(OpDef def, int resultCount, AsmParser p) {
            List<Value> operands = p.parseOperandList();
            if (!operands.isEmpty()) {
                p.expect(":");
                p.skipWhitespace();
                int at = p.position();
                if (!p.parseTypeList().equals(operands.stream().map(Value::type).toList())) {
                    throw p.errorAt(at, "the types do not match the yielded values' types");
                }
            }
            return create(def, operands, List.of(), Map.of(), 0);
        }
    }

    /** {@code [extents] : buffer<…>}. */
    private static final class Alloc implements OpFormat {
        @Override
        public void print(Operation op, AsmPrinter p) {
            BufferType t = (BufferType) op.result(0).type();
            p.print(" ");
            new Extents(t.shape(), op.operands()).print(p);
            p.printAttributeDict(op.attributes(), Set.of()).print(" : ").printType(t);
        }

        @Override
        public boolean canPrint(Operation op) {
            return op.result(0).type() instanceof BufferType t
                    && t.shape().stream().filter(d -> d < 0).count() == op.numOperands();
        }

        @Override
        public Operation parse(OpDef def, int resultCount, AsmParser p) {
            Extents e = Extents.parse(p);
            Map<String, Attribute> attrs = p.parseOptionalAttributeDict();
            p.skipWhitespace();
            int at = p.position();
            Type t = typeAfterColon(p);
            if (!(t instanceof BufferType b) || !b.shape().equals(e.shape())) {
                throw p.errorAt(at, "the extents " + e.shape() + " are not the shape of '" + t.asm() + "'");
            }
            return create(def, e.dynamic(), List.of(t), attrs, 0);
        }
    }

    /** {@code %b : buffer<…>}. */
    private static final class Free implements OpFormat {
        @Override
        public void print(Operation op, AsmPrinter p) {
            p.print(" ").printOperand(op.operand(0)).print(" : ").printType(op.operand(0).type());
        }

        @Override
        public Operation parse(OpDef def, int resultCount, AsmParser p) {
            Value b = p.parseOperand();
            checkType(p, b, typeAfterColonAt(p));
            return create(def, List.of(b), List.of(), Map.of(), 0);
        }
    }

    private record TypeAt(Type type, int at) {
    }

    private static TypeAt typeAfterColonAt(AsmParser p) {
        p.expect(":");
        p.skipWhitespace();
        int at = p.position();
        return new TypeAt(p.parseType(), at);
    }

    private static void checkType(AsmParser p, Value v, TypeAt t) {
        if (!v.type().equals(t.type())) {
            throw p.errorAt(t.at(), "'%" + v.name() + "' has type '" + v.type().asm() + "', not '" + t.type().asm()
                    + "'");
        }
    }

    /**
     * Loads and stores: {@code %b[%i, %j] : buffer<…>} (load), {@code %v, %b[%i, %j] : buffer<…>} (store), and for
     * vectors {@code … [, %mask] : buffer<…>, vector<8xf32>}.
     */
    private record Access(boolean store, boolean vector) implements OpFormat {
        @Override
        public void print(Operation op, AsmPrinter p) {
            int b = store ? 1 : 0;
            BufferType t = (BufferType) op.operand(b).type();
            p.print(" ");
            if (store) {
                p.printOperand(op.operand(0)).print(", ");
            }
            int from = b + 1;
            p.printOperand(op.operand(b)).print("[").printOperands(op.operands().subList(from, from + t.rank()))
                    .print("]");
            if (op.numOperands() > from + t.rank()) {
                p.print(", ").printOperand(op.operand(from + t.rank()));
            }
            p.printAttributeDict(op.attributes(), Set.of()).print(" : ").printType(t);
            if (vector) {
                p.print(", ").printType(store ? op.operand(0).type() : op.result(0).type());
            }
        }

        @Override
        public boolean canPrint(Operation op) {
            int b = store ? 1 : 0;
            return op.numOperands() > b && op.operand(b).type() instanceof BufferType t
                    && op.numOperands() - b - 1 >= t.rank();
        }

        @Override
        public Operation parse(OpDef def, int resultCount, AsmParser p) {
            List<Value> operands = new ArrayList<>();
            if (store) {
                operands.add(p.parseOperand());
                p.expect(",");
            }
            Value buffer = p.parseOperand();
            operands.add(buffer);
            p.expect("[");
            operands.addAll(p.parseOperandList());
            p.expect("]");
            if (vector && p.consume(",")) {
                operands.add(p.parseOperand());
            }
            Map<String, Attribute> attrs = p.parseOptionalAttributeDict();
            checkType(p, buffer, typeAfterColonAt(p));
            List<Type> results = new ArrayList<>();
            if (vector) {
                p.expect(",");
                TypeAt v = new TypeAt(p.parseType(), p.position());
                if (store) {
                    checkType(p, operands.getFirst(), v);
                } else {
                    results.add(v.type());
                }
            } else if (!store) {
                results.add(((BufferType) buffer.type()).elementType());
            }
            return create(def, operands, results, attrs, 0);
        }
    }

    /** {@code %s : vector<8xT>} (broadcast, ramp). */
    private record ToVector(OpDef def) implements OpFormat {
        @Override
        public void print(Operation op, AsmPrinter p) {
            p.print(" ").printOperand(op.operand(0)).printAttributeDict(op.attributes(), Set.of()).print(" : ")
                    .printType(op.result(0).type());
        }

        @Override
        public Operation parse(OpDef def, int resultCount, AsmParser p) {
            Value s = p.parseOperand();
            Map<String, Attribute> attrs = p.parseOptionalAttributeDict();
            p.skipWhitespace();
            int at = p.position();
            Type t = typeAfterColon(p);
            if (!(t instanceof VectorType)) {
                throw p.errorAt(at, "expected the vector type of the result");
            }
            return create(def, List.of(s), List.of(t), attrs, 0);
        }
    }

    /** {@code kind %v : vector<8xT>}. */
    private static final class Vreduce implements OpFormat {
        @Override
        public void print(Operation op, AsmPrinter p) {
            p.print(" ").print(op.attribute(LoopsOps.KIND, StringAttr.class).value()).print(" ")
                    .printOperand(op.operand(0)).printAttributeDict(op.attributes(), Set.of(LoopsOps.KIND))
                    .print(" : ").printType(op.operand(0).type());
        }

        @Override
        public boolean canPrint(Operation op) {
            return op.attribute(LoopsOps.KIND) instanceof StringAttr && op.operand(0).type() instanceof VectorType;
        }

        @Override
        public Operation parse(OpDef def, int resultCount, AsmParser p) {
            String kind = p.parseIdentifier();
            if (ReductionKind.named(kind).isEmpty()) {
                throw p.error("unknown reduction kind '" + kind + "'");
            }
            Value v = p.parseOperand();
            Map<String, Attribute> attrs = p.parseOptionalAttributeDict();
            TypeAt t = typeAfterColonAt(p);
            checkType(p, v, t);
            if (!(t.type() instanceof VectorType vt)) {
                throw p.errorAt(t.at(), "expected a vector type");
            }
            attrs.put(LoopsOps.KIND, new StringAttr(kind));
            return create(def, List.of(v), List.of(vt.elementType()), attrs, 0);
        }
    }

    /** {@code %b, 0 : buffer<…>}. */
    private static final class Dim implements OpFormat {
        @Override
        public void print(Operation op, AsmPrinter p) {
            p.print(" ").printOperand(op.operand(0)).print(", ")
                    .print(Long.toString(op.attribute(LoopsOps.INDEX, IntAttr.class).value()))
                    .printAttributeDict(op.attributes(), Set.of(LoopsOps.INDEX)).print(" : ")
                    .printType(op.operand(0).type());
        }

        @Override
        public Operation parse(OpDef def, int resultCount, AsmParser p) {
            Value b = p.parseOperand();
            p.expect(",");
            long d = p.parseInteger();
            Map<String, Attribute> attrs = p.parseOptionalAttributeDict();
            checkType(p, b, typeAfterColonAt(p));
            attrs.put(LoopsOps.INDEX, new IntAttr(d));
            return create(def, List.of(b), List.of(IndexType.INDEX), attrs, 0);
        }
    }

    /** {@code @f(%a, %b) : (…) -> (…)}. */
    private static final class Call implements OpFormat {
        @Override
        public void print(Operation op, AsmPrinter p) {
            p.print(" ").printSymbolName(op.attribute(LoopsOps.CALLEE, SymbolRefAttr.class).name()).print("(")
                    .printOperands(op.operands()).print(")").printAttributeDict(op.attributes(), Set.of(LoopsOps.CALLEE))
                    .print(" : ").printType(new FunctionType(op.operands().stream().map(Value::type).toList(),
                            op.results().stream().map(Value::type).toList()));
        }

        @Override
        public boolean canPrint(Operation op) {
            return op.attribute(LoopsOps.CALLEE) instanceof SymbolRefAttr;
        }

        @Override
        public Operation parse(OpDef def, int resultCount, AsmParser p) {
            String callee = p.parseSymbolName();
            p.expect("(");
            List<Value> operands = p.parseOperandList();
            p.expect(")");
            Map<String, Attribute> attrs = p.parseOptionalAttributeDict();
            TypeAt t = typeAfterColonAt(p);
            if (!(t.type() instanceof FunctionType fn) || !fn.inputs().equals(operands.stream().map(Value::type)
                    .toList())) {
                throw p.errorAt(t.at(), "expected the function type of the operands, '(operand types) -> (result types)'");
            }
            attrs.put(LoopsOps.CALLEE, new SymbolRefAttr(callee));
            return create(def, operands, fn.results(), attrs, 0);
        }
    }
}
