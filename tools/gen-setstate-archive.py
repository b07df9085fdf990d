#!/usr/bin/env python3
"""Writes the test archive of modules that restore their state with __getstate__/__setstate__.

Run with PyTorch 2.x: python3 tools/gen-setstate-archive.py cli/src/test/resources/kiln/cli/run
Writes setstate.pt (torch.jit.save) and setstate.io.pt (cases laid out like the fixtures' .io.pt files).
"""
import sys
from typing import List, Tuple

import torch
from torch import Tensor


class Scaler(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.scale = torch.tensor([2.0, 3.0])
        self.offset = 1.5
        self.restored = 0

    @torch.jit.export
    def __getstate__(self) -> Tuple[Tensor, float, bool]:
        return (self.scale, self.offset, self.training)

    @torch.jit.export
    def __setstate__(self, state: Tuple[Tensor, float, bool]) -> None:
        self.scale = state[0] * 2
        self.offset = state[1]
        self.training = state[2]
        self.restored = 7

    def forward(self, x: Tensor) -> Tensor:
        return x * self.scale + self.offset + self.restored


class Model(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.scaler = Scaler()
        self.names: List[str] = ["a", "b"]

    def forward(self, x: Tensor) -> Tuple[Tensor, List[str]]:
        return self.scaler(x), self.names


def main(out_dir: str) -> None:
    m = torch.jit.script(Model())
    torch.jit.save(m, f"{out_dir}/setstate.pt")
    loaded = torch.jit.load(f"{out_dir}/setstate.pt")  # runs __setstate__, as Kiln must
    cases = []
    for x in (torch.tensor([1.0, -1.0]), torch.tensor([[0.5, 0.25], [2.0, 4.0]])):
        cases.append({"method": "forward", "inputs": (x,), "outputs": loaded(x), "stdout": ""})
    torch.save({"name": "setstate", "cases": cases}, f"{out_dir}/setstate.io.pt")


if __name__ == "__main__":
    main(sys.argv[1])
