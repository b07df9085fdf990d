# RUN: lower inspect %s --emit=inlined | FileCheck %s
# torch.nn.functional and torch.* functions that PyTorch writes in Python compile from Kiln's own TorchScript
# definitions of them, and inline to the aten operators PyTorch's inlined_graph shows.
from typing import Tuple
import torch
import torch.nn.functional as F
from torch import Tensor


# CHECK-LABEL: ### padded
# CHECK: aten::pad(%x, %{{[0-9]+}}, %{{[0-9]+}}, %{{[0-9]+}})
# CHECK-NOT: prim::CallFunction
def padded(x: Tensor) -> Tensor:
    return torch.nn.functional.pad(x, [1, 2], "replicate")


# CHECK-LABEL: ### loss
# CHECK: aten::broadcast_tensors
# CHECK: aten::mse_loss
def loss(a: Tensor, b: Tensor) -> Tensor:
    return torch.nn.functional.mse_loss(a, b)


# CHECK-LABEL: ### pooled
# CHECK: aten::max_pool2d_with_indices
def pooled(x: Tensor) -> Tuple[Tensor, Tensor]:
    return torch.nn.functional.max_pool2d(x, 2, return_indices=True)


# CHECK-LABEL: ### frobenius
# CHECK: aten::linalg_vector_norm
def frobenius(x: Tensor) -> Tensor:
    return torch.norm(x)
