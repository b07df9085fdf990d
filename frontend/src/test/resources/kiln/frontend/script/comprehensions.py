from typing import Dict, List, Tuple


def squares(n: int) -> List[int]:
    return [i * i for i in range(n)]


def evens(xs: List[int]) -> List[int]:
    return [x for x in xs if x % 2 == 0]


def index(names: List[str]) -> Dict[str, int]:
    return {name: i for i, name in enumerate(names)}


def positive(d: Dict[str, float]) -> Dict[str, float]:
    return {k: v for k, v in d.items() if v > 0.0}


def firsts(pairs: List[Tuple[int, int]]) -> List[int]:
    return [a for (a, _) in pairs]


def nested_lists(n: int) -> List[List[int]]:
    return [[j for j in range(i)] for i in range(n)]


def conditional(xs: List[int]) -> List[int]:
    return [x if x > 0 else -x for x in xs if x != 0 and x is not None]
