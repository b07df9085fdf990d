# RUN: lower inspect %s | FileCheck %s
# Hand-written TorchScript compiles to the torch dialect as PyTorch's frontend builds it.
from typing import List, Optional
import torch
from torch import Tensor


# CHECK-LABEL: ### scale
# CHECK-NEXT: graph(%x : Tensor,
# CHECK-NEXT:       %alpha : float):
# CHECK: %[[Y:.*]] : Tensor = aten::mul(%x, %alpha)
# CHECK: aten::add(%[[Y]], %x, %{{[0-9]+}})
def scale(x: Tensor, alpha: float = 2.0) -> Tensor:
    y = x * alpha
    return y + x


# CHECK-LABEL: ### count_positive
# CHECK: prim::Loop(
# CHECK: aten::__getitem__
# CHECK: prim::If(
# CHECK: return
def count_positive(xs: List[int]) -> int:
    n = 0
    for v in xs:
        if v > 0:
            n += 1
    return n


# CHECK-LABEL: ### first_or_default
# CHECK: aten::__is__
# CHECK: prim::If(
# CHECK: prim::unchecked_cast
def first_or_default(x: Optional[int], d: int) -> int:
    if x is None:
        return d
    return x


# CHECK-LABEL: ### early_exit
# CHECK: %[[I:i.[0-9]+]] : int = prim::Loop(
# CHECK-NOT: prim::BreakStmt
# CHECK: return (%[[I]])
def early_exit(limit: int) -> int:
    i = 0
    while True:
        i += 1
        if i >= limit:
            break
    return i


# CHECK-LABEL: ### describe
# CHECK: prim::isinstance[types=[int]](%x)
# CHECK: prim::unchecked_cast
def describe(x: Optional[int]) -> int:
    if isinstance(x, int):
        return x + 1
    return 0


# CHECK-LABEL: ### Counter.bump
# CHECK: prim::GetAttr[name="count"](%self)
# CHECK: prim::SetAttr[name="count"](%self,
class Counter:
    def __init__(self, start: int):
        self.count = start

    def bump(self) -> int:
        self.count = self.count + 1
        return self.count

