def numbers():
    ints = [0, 7, 1_000_000, 0x_FF, 0o17, 0b1010, 9223372036854775807]
    floats = [1.0, 1., .5, 1e10, 1.5E-3, 2e+2, 1_0.0_1]
    complexes = [1j, 2.5j, 3J]
    return ints, floats, complexes


def strings():
    a = 'single'
    b = "double \"quoted\""
    c = '''triple
single'''
    d = """triple "double" """
    e = r'raw \n stays'
    f = 'tab\tnew\nline \x41 \u00e9 \N{GREEK SMALL LETTER ALPHA} \101 \\'
    g = "adjacent " 'literals ' """concatenate"""
    h = u'unicode prefix'
    i = "line \
continued"
    return [a, b, c, d, e, f, g, h, i]


def constants():
    return True, False, None, ..., Ellipsis


def subscripts(x, y):
    return x[0], x[1:], x[:2], x[::2], x[1:-1:3], x[:, 0], x[..., None], y[0][1], x[(1, 2)]
