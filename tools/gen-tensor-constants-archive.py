"""Writes the test archive with tensor constants (CONSTANTS.c0, ...) and its recorded cases.

A frozen module (torch.jit.freeze) keeps its parameters and buffers as constants of its code: the archive's
constants.pkl holds them and code/ refers to them as CONSTANTS.c<n>. No fixture has such constants, so Kiln's
tests use this small archive. Its code also holds what TorchScript writes for `with torch.no_grad():`, for a
fork of a method (a nested function reading a constant) and for a dict comprehension. Writes, into cli/src/test/resources/kiln/cli/run/ (or the folder given):
  tensor_constants.pt         the frozen module, saved by torch.jit.save
  tensor_constants.io.pt      its recorded cases, in the fixtures' .io.pt format
  tensor_constants.graph.txt  ### graph (the loaded module's forward) and ### code, as PyTorch prints them

  /tmp/torchenv/bin/python tools/gen-tensor-constants-archive.py [OUT_DIR]
"""
import os
import sys
import warnings

warnings.filterwarnings("ignore", message="Failed to initialize NumPy")
import torch  # noqa: E402


class TensorConstants(torch.nn.Module):
    def __init__(self):
        super().__init__()
        g = torch.Generator().manual_seed(7)
        self.weight = torch.nn.Parameter(torch.randn(3, 4, generator=g))
        self.bias = torch.nn.Parameter(torch.randn(3, generator=g))
        self.scale = torch.nn.Parameter(torch.tensor(0.5))
        self.register_buffer("order", torch.tensor([2, 0, 1]))
        self.register_buffer("mask", torch.tensor([True, False, True]))
        base = torch.arange(12.0).reshape(3, 4)
        self.register_buffer("rows", base)
        self.register_buffer("row1", base[1])  # a view of the same storage

    def shifted(self, y: torch.Tensor, k: int) -> torch.Tensor:
        return y * self.scale + k

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        with torch.no_grad():
            y = torch.nn.functional.linear(x, self.weight, self.bias) * self.scale
        later = torch.jit.fork(self.shifted, y, 3)
        y = y.index_select(-1, self.order)
        y = torch.where(self.mask, y, -y)
        parts = {str(i): p for i, p in enumerate([y, torch.jit.wait(later)])}
        return parts["0"] + parts["1"].sum() + (self.rows.sum(0) - self.row1).sum()


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), "..", "cli", "src", "test", "resources", "kiln", "cli", "run")
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(0)
    frozen = torch.jit.freeze(torch.jit.script(TensorConstants().eval()))
    path = os.path.join(out, "tensor_constants.pt")
    frozen.save(path)
    loaded = torch.jit.load(path)
    cases = []
    for shape in [(4,), (2, 4), (3, 2, 4)]:
        x = torch.randn(*shape)
        cases.append({"method": "forward", "inputs": (x,), "outputs": loaded(x), "stdout": "",
                      "eager_match": True})
    torch.save({"name": "tensor_constants", "torch_version": torch.__version__, "cases": cases},
               os.path.join(out, "tensor_constants.io.pt"))
    graph = str(loaded.graph).replace(os.path.abspath(__file__), "tools/" + os.path.basename(__file__))
    with open(os.path.join(out, "tensor_constants.graph.txt"), "w") as f:
        f.write("### graph\n" + graph.rstrip() + "\n\n### code\n" + loaded.code.rstrip() + "\n")


if __name__ == "__main__":
    main()
