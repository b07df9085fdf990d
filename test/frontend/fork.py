# RUN: lower inspect %s | FileCheck %s
# torch.jit.fork of a script function or method, as PyTorch's emitForkExpr builds it: the arguments are evaluated
# before the fork, and the call happens in the fork's subgraph, which takes the values it uses as inputs.
import torch
from torch import Tensor


def scale(x: Tensor, k: int, shift: float = 0.0) -> Tensor:
    return x * k + shift


# CHECK-LABEL: ### forked
# CHECK: %[[THREE:.*]] : int = prim::Constant[value=3]()
# CHECK: %a : Future[Tensor] = prim::fork_0(%x, %[[THREE]])
# CHECK: aten::wait(%a)
# CHECK: with prim::fork_0 = graph(%x : Tensor,
# CHECK-NEXT: %[[K:.*]] : int):
# CHECK: %[[F:.*]] : Function = prim::Constant[name="scale"]()
# CHECK: prim::CallFunction(%[[F]], %x, %[[K]], %{{.*}})
def forked(x: Tensor) -> Tensor:
    a = torch.jit.fork(scale, x, 3)
    return torch.jit.wait(a)


class Helper(torch.nn.Module):
    k: int

    def step(self, x: Tensor, n: int) -> Tensor:
        return x * self.k + n

    # CHECK-LABEL: ### Helper.forward
    # CHECK: %f : Future[Tensor] = prim::fork_0(%self, %x, %{{.*}})
    # CHECK: with prim::fork_0 = graph(%self : __torch__.Helper,
    # CHECK: prim::CallMethod[name="step"](%self, %x,
    def forward(self, x: Tensor) -> Tensor:
        f = torch.jit.fork(self.step, x, n=1)
        return torch.jit.wait(f)
