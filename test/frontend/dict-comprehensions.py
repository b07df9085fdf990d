# RUN: lower inspect %s | FileCheck %s
# Dict comprehensions as PyTorch's emitDictComprehension builds them: an empty dict, then a loop that sets each
# entry; the loop variables do not leak.
from typing import Dict, List


# CHECK-LABEL: ### squares
# CHECK: %[[D:.*]] : Dict(str, int) = prim::DictConstruct()
# CHECK: prim::Loop(
# CHECK: %[[K:.*]] : str = aten::str(
# CHECK: %[[V:.*]] : int = aten::mul(
# CHECK: aten::_set_item(%[[D]], %[[K]], %[[V]])
# CHECK: return (%[[D]])
def squares(xs: List[int]) -> Dict[str, int]:
    return {str(k): k * k for k in xs}


# CHECK-LABEL: ### swapped
# CHECK: Dict(int, str) = prim::DictConstruct()
# CHECK: aten::items(%d)
# CHECK: %k : str, %v : int = prim::TupleUnpack(
# CHECK: aten::_set_item(%{{.*}}, %v, %k)
def swapped(d: Dict[str, int]) -> Dict[int, str]:
    return {v: k for k, v in d.items()}


# An annotation gives the dict its type.
# CHECK-LABEL: ### annotated
# CHECK: Dict(str, float) = prim::DictConstruct()
def annotated(xs: List[str]) -> Dict[str, float]:
    d: Dict[str, float] = {x: 1.0 for x in xs}
    return d


# Over enumerate and zip, the trip count is prim::min of the lengths (an endless range for enumerate's index).
# CHECK-LABEL: ### indexed
# CHECK: %[[MAX:.*]] : int = prim::Constant[value=9223372036854775807]()
# CHECK: %[[LEN:.*]] : int = aten::len(%xs)
# CHECK: %[[LENS:.*]] : int[] = prim::ListConstruct(%[[MAX]], %[[LEN]])
# CHECK: %[[N:.*]] : int = prim::min(%[[LENS]])
# CHECK: prim::Loop(%[[N]],
def indexed(xs: List[float]) -> Dict[int, float]:
    return {i: x for i, x in enumerate(xs)}


# CHECK-LABEL: ### paired
# CHECK: %[[LENS:.*]] : int[] = prim::ListConstruct(%{{.*}}, %{{.*}})
# CHECK: prim::min(%[[LENS]])
def paired(a: List[str], b: List[int]) -> Dict[str, int]:
    return {k: v for k, v in zip(a, b)}
