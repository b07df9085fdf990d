package kiln.dialects.ir.text;

import java.util.List;
import java.util.Map;
import java.util.Set;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.OpDef;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;

/**
 * Custom assemblies shared by dialects, as MLIR's declarative formats give them: {@code %a, %b : T} for ops whose
 * operands and result all have one type ({@code arith.addi}, {@code math.exp}).
 */
public final class Formats {
    private Formats() {
    }

    /** {@code %a, %b : T}: {@code arity} operands of one type T, and a result of T. */
    public static OpFormat sameType(int arity) {
        return new SameType(arity);
    }

    /** Reads {@code count} operands (exactly), an optional attribute dictionary, {@code :} and a type. */
    public record Head(List<Value> operands, Map<String, Attribute> attributes, int typeAt, Type type) {
        public static Head read(AsmParser p, int count) {
            p.skipWhitespace();
            int at = p.position();
            List<Value> operands = p.parseOperandList();
            if (operands.size() != count) {
                throw p.errorAt(at, "expected " + count + " operand(s), found " + operands.size());
            }
            Map<String, Attribute> attributes = p.parseOptionalAttributeDict();
            p.expect(":");
            p.skipWhitespace();
            int typeAt = p.position();
            return new Head(operands, attributes, typeAt, p.parseType());
        }

        /** Checks that every operand has type {@code expected}, as the syntax said. */
        public void checkOperandsAre(AsmParser p, Type expected) {
            for (Value v : operands) {
                if (!v.type().equals(expected)) {
                    throw p.errorAt(typeAt, "use of value '%" + v.name() + "' expects different type than prior uses: '"
                            + expected.asm() + "' vs '" + v.type().asm() + "'");
                }
            }
        }
    }

    private record SameType(int arity) implements OpFormat {
        @Override
        public void print(Operation op, AsmPrinter p) {
            p.print(" ").printOperands(op.operands()).printAttributeDict(op.attributes(), Set.of()).print(" : ")
                    .printType(op.result(0).type());
        }

        @Override
        public Operation parse(OpDef def, int resultCount, AsmParser p) {
            Head h = Head.read(p, arity);
            h.checkOperandsAre(p, h.type());
            return Operation.create(def, h.operands(), List.of(h.type()), h.attributes(), 0, Location.UNKNOWN);
        }

        @Override
        public boolean canPrint(Operation op) {
            return op.numOperands() == arity && op.numResults() == 1
                    && op.operands().stream().allMatch(v -> v.type().equals(op.result(0).type()));
        }
    }
}
