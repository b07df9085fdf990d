"""Writes api/src/test/resources/kiln/api/signatures.pt: a scripted module whose exported methods have the
signatures the Java API binds and converts (defaults, keyword arguments, Optional, List, Tuple, Dict,
Device, a script class, a raised error), for kiln.api's ModelTest.

Run with PyTorch 2.x: python3 tools/gen-api-signatures-archive.py [OUT_DIR]
"""
import os
import sys
from typing import Dict, List, Optional, Tuple

import torch
from torch import Tensor


@torch.jit.script
class Point:
    def __init__(self, x: int, y: int):
        self.x = x
        self.y = y


class Signatures(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.weight = torch.nn.Parameter(torch.tensor([[1.0, 2.0], [3.0, 4.0]]), requires_grad=False)
        self.names: List[str] = ["a", "b"]
        self.scale: float = 0.5

    def forward(self, x: Tensor) -> Tensor:
        return torch.mm(x, self.weight)

    @torch.jit.export
    def scaled(self, x: Tensor, factor: float = 2.0, offset: int = 1, label: str = "y",
               sizes: Optional[List[int]] = None) -> Tuple[Tensor, str, List[int]]:
        if sizes is None:
            sizes = [1, 2]
        return x * factor + offset, label, sizes

    @torch.jit.export
    def pick(self, d: Dict[str, Tensor], key: str, fallback: Optional[Tensor] = None) -> Optional[Tensor]:
        if key in d:
            return d[key]
        return fallback

    @torch.jit.export
    def check(self, n: int) -> int:
        if n < 0:
            raise ValueError("n must be non-negative")
        return n * 2

    @torch.jit.export
    def stats(self, xs: List[float], pair: Tuple[int, str], flag: bool) -> Dict[str, float]:
        total = 0.0
        for x in xs:
            total += x
        return {"sum": total, "n": float(len(xs)), "first": float(pair[0]), "flag": 1.0 if flag else 0.0}

    @torch.jit.export
    def twice(self, x: Tensor) -> Tuple[Tensor, Tensor]:
        return x, x

    @torch.jit.export
    def make_point(self, x: int, y: int) -> Point:
        return Point(x, y)

    @torch.jit.export
    def norm1(self, p: Point) -> int:
        return abs(p.x) + abs(p.y)

    @torch.jit.export
    def where(self, x: Tensor) -> torch.device:
        return x.device

    @torch.jit.export
    def nothing(self) -> None:
        return None


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "api/src/test/resources/kiln/api"
    m = torch.jit.script(Signatures())
    torch.jit.save(m, os.path.join(out, "signatures.pt"))
    print(m.code)


if __name__ == "__main__":
    main()
