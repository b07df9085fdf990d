# RUN: not lower inspect %s 2>&1 | FileCheck %s
# A with item must be an object whose class defines __enter__ and __exit__, as PyTorch's emitWith requires.


class Plain(object):
    def __init__(self, x: int):
        self.x = x


# CHECK: with-not-a-context-manager.py:[[@LINE+2]]:10: error: Object returned by with item expression does not define __enter__ and __exit__ methods
def uses(x: int) -> int:
    with Plain(x) as p:
        y = x
    return y
