# Kiln's TorchScript definitions of torch.nn.functional functions that PyTorch implements in Python.
# Each follows PyTorch's documented semantics; archives carry their own versions, which take precedence.
from typing import List, Optional
import torch
from torch import Tensor


def relu(input: Tensor, inplace: bool = False) -> Tensor:
    if inplace:
        result = torch.relu_(input)
    else:
        result = torch.relu(input)
    return result
