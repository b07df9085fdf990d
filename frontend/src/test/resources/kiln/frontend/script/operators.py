def arithmetic(a: int, b: int, c: float) -> float:
    x = a + b - c * a / b // 2 % 3
    y = -a ** 2 + (-a) ** 2 + a ** -b + 2 ** 3 ** 2
    z = ~a & b | a ^ b << 2 >> 1
    return x + y + z


def logic(a: int, b: int, xs: List[int]) -> bool:
    p = a < b <= 10 != a
    q = a in xs and b not in xs or not a is None
    r = a is not None and (a if a > b else b) == b
    return p or q and r


def matmul(x: Tensor, y: Tensor) -> Tensor:
    return x @ y @ x
