# RUN: lower inspect %s | FileCheck %s
# `with` statements as PyTorch's emitWith builds them: prim::Enter (typed as __enter__ returns) before the body,
# prim::Exit after it, innermost first; an early exit inside the body still reaches the prim::Exit.
from typing import Any
import torch
from torch import Tensor


class Ctx(object):
    def __init__(self, x: int):
        self.x = x

    def __enter__(self) -> int:
        return self.x

    def __exit__(self, type: Any, value: Any, tb: Any):
        self.x = 0


# CHECK-LABEL: ### two_items
# CHECK: %[[A:.*]] : __torch__.Ctx = prim::CreateObject()
# CHECK: %v : int = prim::Enter(%[[A]])
# CHECK: %[[B:.*]] : __torch__.Ctx = prim::CreateObject()
# CHECK: %u : int = prim::Enter(%[[B]])
# CHECK: aten::mul(%v, %u)
# CHECK: Tensor = prim::Exit(%[[B]])
# CHECK-NEXT: Tensor = prim::Exit(%[[A]])
def two_items(x: int) -> int:
    with Ctx(x) as v, Ctx(x + 1) as u:
        y = v * u
    return y


# CHECK-LABEL: ### early_return
# CHECK: %v : int = prim::Enter(%c)
# CHECK: %[[EXITED:.*]] : bool, %[[VALUE:.*]] : int = prim::If(
# CHECK: Tensor = prim::Exit(%c)
# CHECK-NEXT: prim::If(%[[EXITED]])
# CHECK-NOT: prim::ReturnStmt
def early_return(x: int) -> int:
    c = Ctx(x)
    with c as v:
        y = v + 1
        if y > 3:
            return y
    return y * 2


# CHECK-LABEL: ### in_loop
# CHECK: prim::Loop(
# CHECK: prim::Enter(
# CHECK: prim::If(
# CHECK: prim::Exit(
# CHECK-NOT: prim::LoopContinuation
def in_loop(n: int) -> int:
    total = 0
    for i in range(n):
        with Ctx(i) as v:
            if v == 2:
                break
            total += v
    return total


# CHECK-LABEL: ### no_grad
# CHECK: %[[G:.*]] : __torch__.torch.autograd.grad_mode.no_grad = prim::CreateObject()
# CHECK-NEXT: prim::CallMethod[name="__init__"](%[[G]])
# CHECK-NEXT: NoneType = prim::Enter(%[[G]])
# CHECK-NEXT: aten::mul
# CHECK-NEXT: Tensor = prim::Exit(%[[G]])
def no_grad(x: Tensor) -> Tensor:
    with torch.no_grad():
        y = x * 2
    return y


# CHECK-LABEL: ### autograd_no_grad
# CHECK: __torch__.torch.autograd.grad_mode.no_grad = prim::CreateObject()
def autograd_no_grad(x: Tensor) -> Tensor:
    with torch.autograd.no_grad():
        y = x * 2
    return y
