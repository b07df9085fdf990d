# RUN: lower inspect %s | FileCheck %s
# A for loop that a break (or an early return) can end becomes a while loop, as PyTorch's
# CanonicalizeModifiedLoops leaves it: the maximal trip count, a counter carried through the loop, and a condition
# that compares the counter with the original trip count.


# CHECK-LABEL: ### first_big
# CHECK: %[[MAX:.*]] : int = prim::Constant[value=9223372036854775807]()
# CHECK: %[[N:.*]] : int, %{{.*}} : int = prim::Loop(%[[MAX]], %{{.*}}, %n, %{{.*}})
# CHECK-NEXT: block0(%{{.*}} : int, %{{.*}} : int, %[[I:.*]] : int):
# CHECK: %[[NEXT:.*]] : int = aten::add(%[[I]], %{{.*}})
# CHECK-NEXT: %[[BELOW:.*]] : bool = aten::lt(%[[NEXT]], %limit)
# CHECK-NEXT: %[[GO:.*]] : bool = aten::__and__(%[[BELOW]], %{{.*}})
# CHECK-NEXT: -> (%[[GO]], %{{.*}}, %[[NEXT]])
def first_big(limit: int, n: int) -> int:
    for i in range(limit):
        if i * i > 10:
            break
        n += 1
    return n


# A loop whose condition stays true keeps its trip count.
# CHECK-LABEL: ### plain
# CHECK: prim::Loop(%limit, %{{.*}}, %n)
# CHECK-NOT: aten::__and__
def plain(limit: int, n: int) -> int:
    for i in range(limit):
        n += i
    return n
