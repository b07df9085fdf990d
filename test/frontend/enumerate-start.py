# RUN: lower inspect %s | FileCheck %s
# enumerate(xs, start) walks an endless range from start beside xs, as PyTorch's IterableTree: the trip count is
# prim::min of the range's length (folded to a constant: 2^63 - 1 - 3) and len(xs); the index is __derive_index.
from typing import List


# CHECK-LABEL: ### numbered
# CHECK: %[[LEN:.*]] : int = prim::Constant[value=9223372036854775804]()
# CHECK: %[[START:.*]] : int = prim::Constant[value=3]()
# CHECK: %[[N:.*]] : int = aten::len(%xs)
# CHECK: %[[LENS:.*]] : int[] = prim::ListConstruct(%[[LEN]], %[[N]])
# CHECK: %[[TRIP:.*]] : int = prim::min(%[[LENS]])
# CHECK: prim::Loop(%[[TRIP]],
# CHECK-NEXT: block0(%[[I:.*]] : int):
# CHECK-NEXT: %i : int = aten::__derive_index(%[[I]], %[[START]], %{{[0-9]+}})
# CHECK-NEXT: %x : int = aten::__getitem__(%xs, %[[I]])
def numbered(xs: List[int]) -> List[int]:
    out: List[int] = []
    for i, x in enumerate(xs, 3):
        out.append(i * 10 + x)
    return out
