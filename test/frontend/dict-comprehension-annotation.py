# RUN: not lower inspect %s 2>&1 | FileCheck %s
# An annotated dict comprehension's keys and values must have the annotated types (no implicit int -> float), as
# in PyTorch's emitDictComprehension.
from typing import Dict, List


# CHECK: dict-comprehension-annotation.py:[[@LINE+2]]:27: error: Dict type annotation `Dict[str, float]` did not match the type of an actual value type `int`
def annotated(xs: List[str]) -> Dict[str, float]:
    d: Dict[str, float] = {x: 1 for x in xs}
    return d
