package kiln.frontend.emit;

import kiln.frontend.script.BinaryOperator;
import kiln.frontend.script.CompareOperator;

/** Python operators as the aten operators TorchScript calls for them (ir_emitter.cpp, getAtenOpForExpr). */
final class Operators {
    private Operators() {
    }

    static String binary(BinaryOperator op) {
        return switch (op) {
            case ADD -> "aten::add";
            case SUB -> "aten::sub";
            case MUL -> "aten::mul";
            case DIV -> "aten::div";
            case FLOOR_DIV -> "aten::floordiv";
            case MOD -> "aten::remainder";
            case POW -> "aten::pow";
            case MATMUL -> "aten::matmul";
            case BIT_AND -> "aten::__and__";
            case BIT_OR -> "aten::__or__";
            case BIT_XOR -> "aten::__xor__";
            case LSHIFT -> "aten::__lshift__";
            case RSHIFT -> "aten::__rshift__";
        };
    }

    static String compare(CompareOperator op) {
        return switch (op) {
            case EQ -> "aten::eq";
            case NE -> "aten::ne";
            case LT -> "aten::lt";
            case LE -> "aten::le";
            case GT -> "aten::gt";
            case GE -> "aten::ge";
            case IS -> "aten::__is__";
            case IS_NOT -> "aten::__isnot__";
            case IN, NOT_IN -> "aten::__contains__";
        };
    }
}
