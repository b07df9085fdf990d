# Kiln's TorchScript definition of torch.autograd.grad_mode.no_grad, the context manager `with torch.no_grad():`
# creates: the class PyTorch compiles from torch/autograd/grad_mode.py (what torch.jit.save writes for it).
from typing import Any
import torch


class no_grad:
    prev: bool

    def __init__(self) -> None:
        self.prev = False

    def __enter__(self) -> None:
        self.prev = torch.is_grad_enabled()
        torch.set_grad_enabled(False)

    def __exit__(self, exc_type: Any, exc_value: Any, traceback: Any) -> None:
        torch.set_grad_enabled(self.prev)
