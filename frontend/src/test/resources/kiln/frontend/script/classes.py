import torch
import torch.nn as nn
from typing import Dict, List, NamedTuple


class Point(NamedTuple):
    x: float
    y: float


class Counter(object):
    def __init__(self, start: int):
        self.count = start
        self.history: List[int] = []

    def bump(self, by: int = 1) -> int:
        self.count += by
        self.history.append(self.count)
        return self.count

    def __lt__(self, other: "Counter") -> bool:
        return self.count < other.count


class Net(nn.Module):
    __constants__ = ["hidden"]
    hidden: int

    def __init__(self, hidden: int = 16):
        super().__init__()
        self.hidden = hidden
        self.fc = nn.Linear(hidden, hidden)
        self.table: Dict[str, int] = {}

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = torch.relu(self.fc(x))
        return h if self.training else h.detach()

    @torch.jit.export
    def describe(self) -> str:
        return "Net(" + str(self.hidden) + ")"

    @staticmethod
    def helper(a: int, b: int) -> int:
        return a ** b

    @torch.jit.unused
    def debug(self):
        pass
