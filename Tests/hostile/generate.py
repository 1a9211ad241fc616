"""Writes the hostile programs under programs/: each must end normally or with a Python
exception, in `recur run` and in the kernel, never with a signal, an abort or a hang.

Run `python Tests/hostile/generate.py` after editing the tables below; the suite checks that
programs/ matches them.
"""
from __future__ import annotations

import sys
from pathlib import Path

PROGRAMS = Path(__file__).resolve().parent / "programs"

# Integers at and past the edges of a machine word, and far past it.
EXTREMES = {
    "max64": "2**63 - 1",
    "min64": "-2**63",
    "past64": "2**63",
    "googol": "10**100",
    "neg_googol": "-10**100",
}

# One program each, run with `n` bound to every value of EXTREMES in turn. Each finishes quickly in CPython
# (a value, OverflowError, MemoryError, ValueError or IndexError), never by running for ages.
INTEGER_CALLS = {
    "range": "r = range(n)\nprint(r[-1] if len(r) else None)",
    "range_len": "print(len(range(n)))",
    "range_step": "print(range(0, n, 3)[::2][-1:])",
    "range_reversed": "print(next(reversed(range(n)), None))",
    "range_contains": "print(n - 1 in range(n), n in range(-n, n) if n > 0 else None)",
    "list_range": "print(len(list(range(n))))",
    "enumerate_start": "print(list(enumerate('ab', n)))",
    "round_ndigits": "print(round(1.5, n), round(n, -2), round(2.5, -n))",
    "round_int": "print(round(n), round(n * 1.0))",
    "abs_neg": "print(abs(n), -n, +n)",
    "add_mul": "print(n + n, n * n, n - 1, n * -1)",
    "floordiv_mod": "print(n // -1, n % -1, divmod(n, -1), n // 7, n % 7)",
    "truediv": "print(n / 3, n / -1, 1 / n)",
    "shift_left": "print(1 << 62, n << 1)",
    "shift_by_n": "print(1 << n)",
    "bytes_size": "print(len(bytes(n)), len(bytearray(n)))",
    "bytes_repeat": "print(len(b'ab' * n), len(bytearray(b'ab') * n))",
    "bytes_index": "print(b'abc'[n])",
    "bytes_fill": "print(len(bytes([n % 256]) * 3), bytes([n]))",
    "bytesio_seek_write": "import io\nb = io.BytesIO()\nb.seek(n)\nprint(b.write(b'x'), b.tell())",
    "stringio_seek_write": "import io\ns = io.StringIO()\ns.seek(n)\nprint(s.write('x'), s.tell())",
    "file_read_size": "import os\nopen('hostile.bin', 'wb').write(b'abc')\nf = open('hostile.bin', 'rb')\nos.remove('hostile.bin')\nprint(f.read(n), f.seek(n), f.read(2))",
    "shift_right": "print(n >> 1, n >> 63, 1 >> abs(n))",
    "power_small": "print(n ** 2, pow(n, 2, 7), pow(7, 2, n) if n > 0 else None)",
    "list_repeat": "print(len([0] * n))",
    "str_repeat": "print(len('ab' * n))",
    "list_index": "print([1, 2, 3][n])",
    "list_slice": "print([1, 2, 3][n:], [1, 2, 3][:n], [1, 2, 3][::n], 'abc'[n::-1])",
    "list_insert": "a = [1, 2]\na.insert(n, 0)\nprint(a)",
    "list_pop": "[1, 2].pop(n)",
    "chr": "print(chr(n))",
    "hex_bin_str": "print(hex(n), bin(n)[:10], len(str(n)), str(n)[:5])",
    "int_of_str": "print(int(str(n)) == n)",
    "float_of_int": "print(float(n), n == float(n))",
    "int_of_float": "print(int(float(n)))",
    "hash": "print(hash(n) == hash(n), {n: 1}[n])",
    "str_center": "print(len('abc'.center(n)))",
    "str_zfill": "print(len('7'.zfill(n)))",
    "format_width": "print(len(format(1, str(n))))",
    "percent_format": "print('%d %x %e' % (n, n, n))",
    "fstring_comma": "print(f'{n:,}'[:12])",
    "sum_min_max_sorted": "print(sum([n, n]), min(n, -n), max([n, 0]), sorted([n, -n, 0]))",
    "math_functions": "import math\nprint(math.sqrt(abs(n)), math.floor(n * 1.0), math.isclose(n, n))",
    "str_index_methods": "print('abc'.find('b', n), 'abc'.startswith('a', n), 'abc'.count('a', 0, n))",
    "list_index_method": "print([1, 2, 3].index(2, 0, n))",
    "tuple_repeat": "print(len((1,) * n))",
    "torch_zeros": "import torch\nprint(torch.zeros(n).shape)",
    "torch_tensor_abs": "import torch\nprint(torch.tensor([n]).abs())",
    "torch_tensor_neg": "import torch\nprint(-torch.tensor([n]), torch.tensor([n]) * 2, torch.tensor([n]) + 1)",
    "torch_tensor_floordiv": "import torch\nprint(torch.tensor([n]) // -1, torch.tensor([n]) % 7)",
    "torch_arange": "import torch\nprint(torch.arange(0, n, max(abs(n) // 4, 1)))",
    "torch_full": "import torch\nprint(torch.full((2,), n).sum())",
    "torch_index": "import torch\nprint(torch.ones(3)[n])",
    "torch_slice": "import torch\nprint(torch.arange(5)[n:], torch.arange(5)[:n])",
    "torch_randint": "import torch\nprint(torch.randint(0, n, (3,)).shape)",
    "torch_repeat": "import torch\nprint(torch.ones(2).repeat(n).shape)",
    "torch_view": "import torch\nprint(torch.ones(4).view(n, -1).shape)",
    "torch_sum_dim": "import torch\nprint(torch.ones(3).sum(dim=n))",
    "torch_manual_seed": "import torch\ntorch.manual_seed(n)\nprint(torch.rand(1).shape)",
    "torch_linear": "import torch.nn as nn\nprint(nn.Linear(n, 2))",
    "torch_embedding_lookup": "import torch\nimport torch.nn as nn\nprint(nn.Embedding(4, 2)(torch.tensor([n])))",
    "torch_one_hot": "import torch\nimport torch.nn.functional as F\nprint(F.one_hot(torch.tensor([1]), n).shape)",
    "torch_randperm": "import torch\nprint(torch.randperm(n).shape)",
    "numpy_zeros": "import numpy as np\nprint(np.zeros(n).shape)",
    "numpy_arange": "import numpy as np\nprint(np.arange(0, n, max(abs(n) // 4, 1)))",
    "numpy_index": "import numpy as np\nprint(np.ones(3)[n])",
    "numpy_slice": "import numpy as np\nx = np.arange(12).reshape(3, 4)\nprint(x[n:], x[:n], x[::n] if n else None, x[:, ::n] if n else None)",
    "numpy_array": "import numpy as np\nprint(np.array([n]) * 2)\nprint(np.array([n], dtype=np.uint8))",
    "numpy_reshape": "import numpy as np\nprint(np.ones(4).reshape(n, -1).shape)",
    "numpy_sum_axis": "import numpy as np\nprint(np.ones(3).sum(axis=n))",
    "numpy_seed": "import numpy as np\nnp.random.seed(n)\nprint(np.random.rand(1).shape)",
    "numpy_randint": "import numpy as np\nprint(np.random.randint(0, n, 3).shape, np.random.randint(-n, n))",
    "numpy_choice": "import numpy as np\nprint(np.random.choice(n, 3).shape)",
    "numpy_eye_k": "import numpy as np\nprint(np.eye(3, k=n), np.diag(np.ones(2), n).shape)",
    "numpy_repeat": "import numpy as np\nprint(np.repeat(np.ones(2), n).shape)",
    "numpy_tile": "import numpy as np\nprint(np.tile(np.ones(2), n).shape)",
    "numpy_linspace": "import numpy as np\nprint(np.linspace(0, 1, n).shape)",
    "numpy_array_split": "import numpy as np\nprint(len(np.array_split(np.arange(6), n)))",
    "numpy_round": "import numpy as np\nprint(np.round(np.array([1.5]), n))",
    "numpy_shift_power": "import numpy as np\nprint(np.array([1]) << n, np.array([2]) ** n, np.array([2.0]) ** n)",
    "numpy_rng_integers": "import numpy as np\ng = np.random.default_rng(abs(n))\nprint(g.integers(0, n, 3) if n > 0 else g.integers(n, 0, 3))",
    "numpy_rng_choice": "import numpy as np\ng = np.random.default_rng(1)\nprint(g.choice(n, 3), g.choice(n, 3, replace=False))",
    "numpy_rng_size": "import numpy as np\nprint(np.random.default_rng(1).random(n).shape)",
    "numpy_rng_permutation": "import numpy as np\nprint(np.random.default_rng(1).permutation(n).shape)",
    "numpy_rng_advance": "import numpy as np\nb = np.random.PCG64(1)\nb.advance(n)\nprint(b.random_raw())",
    "numpy_seed_pool": "import numpy as np\nprint(np.random.SeedSequence(1, pool_size=n).pool_size)",
    "numpy_printoptions": "import numpy as np\nnp.set_printoptions(edgeitems=n, linewidth=n, threshold=5)\nprint(np.arange(10))",
    "numpy_eye": "import numpy as np\nfor shape in [(n, 0), (0, n), (3, n), (n, 3)]:\n    try:\n        print(np.eye(*shape).shape)\n    except ValueError as e:\n        print(e)\nprint(np.eye(3, 3, n).sum())",
    "numpy_zero_dimension_tolist": "import numpy as np\ntry:\n    print(np.zeros((abs(n) // 8 or 1, 0)).tolist()[:1])\nexcept (ValueError, MemoryError) as e:\n    print(type(e).__name__)",
}

# Allocations far past a 4 GiB address space: MemoryError or PyTorch's allocation error.
HUGE_SIZES = {
    "torch_repeat_interleave": "import torch\ntorch.ones(3).repeat_interleave(10**12)",
    "torch_repeat_interleave_tensor": "import torch\ntorch.ones(3).repeat_interleave(torch.tensor([10**12, 1, 1]))",
    "torch_repeat": "import torch\ntorch.ones(2).repeat(10**6, 10**6)",
    "torch_einsum_outer": "import torch\ntorch.einsum('i,j->ij', torch.ones(10**6), torch.ones(10**6))",
    "torch_linspace": "import torch\ntorch.linspace(0, 1, 10**12)",
    "torch_new_zeros": "import torch\ntorch.ones(3).new_zeros(10**6, 10**6)",
    "torch_bincount": "import torch\ntorch.tensor([10**12]).bincount()",
    "torch_bincount_max_int": "import torch\ntorch.tensor([2**63 - 1]).bincount()",
    "torch_split_extreme_sizes": "import torch\nx = torch.arange(24).reshape(2, 3, 4)\nprint(len(x.split(2**63 - 1)))\nx.split([2**63 - 1, 2**63 - 1])",
    "torch_diag": "import torch\ntorch.diag(torch.ones(10**6))",
    "torch_diag_extreme_offset": "import torch\nfor o in (-2**63, 2**63 - 1, 2**62):\n    try:\n        torch.arange(6).diag(o)\n    except RuntimeError as e:\n        print(str(e)[:40])",
    "str_doubling": "s = 'x'\nwhile True:\n    s = s + s",
    "list_doubling": "a = [0]\nwhile True:\n    a = a + a",
    "list_iadd_self": "a = [0]\nwhile True:\n    a += a",
    "list_imul": "a = [0]\nfor _ in range(100):\n    a *= 2\nprint(len(a))",
    "list_repeat_1e11": "a = [0] * 10**11\nprint(len(a))",
    "str_repeat_1e11": "s = 'x' * 10**11\nprint(len(s))",
    "nested_list_repeat": "a = [[0] * 10**6] * 10**6\nprint(len(a))",
    "list_range_1e10": "print(len(list(range(10**10))))",
    "sorted_range_1e10": "print(len(sorted(range(10**10))))",
    "join_huge": "print(len(' '.join(['xx'] * 10**9)))",
    "str_replace_huge_result": "s = 'a' * 10**7\nprint(len(s.replace('a', 'a' * 1000)))",
    "tuple_range_1e10": "print(len(tuple(range(10**10))))",
    "range_len_slice": "print(len(range(10**12)[::2]))",
    "range_slice_index": "print(range(10**12)[::3][10**11], range(10**12)[10**11:][::-7][5])",
    "torch_repeat_1e6": "import torch\nprint(torch.ones(10).repeat(10**6, 10**6).shape)",
    "torch_broadcast_outer": "import torch\nprint((torch.zeros(300000, 1) + torch.zeros(1, 300000)).shape)",
    "torch_stack_many": "import torch\nprint(torch.stack([torch.zeros(2**27)] * 200).shape)",
    "torch_tolist_1e10": "import torch\nprint(len(torch.zeros(10**10).tolist()))",
    "torch_zeros_1e10": "import torch\nprint(torch.zeros(10**10).shape)",
    "torch_randn_square": "import torch\nprint(torch.randn(10**5, 10**5).shape)",
    "torch_eye_1e6": "import torch\nprint(torch.eye(10**6).shape)",
    "torch_arange_1e10": "import torch\nprint(torch.arange(10**10).shape)",
    "torch_cat_doubling": "import torch\nx = torch.ones(1)\nwhile True:\n    x = torch.cat([x, x])",
    "torch_matmul_huge": "import torch\nprint((torch.ones(10**5, 10**5) @ torch.ones(10**5, 10**5)).shape)",
    "torch_expand_then_contiguous": "import torch\nprint(torch.ones(1, 1).expand(10**5, 10**5).contiguous().shape)",
    "torch_one_hot_huge": "import torch\nimport torch.nn.functional as F\nprint(F.one_hot(torch.tensor([2**40])).shape)",
    "torch_linear_huge": "import torch.nn as nn\nprint(nn.Linear(2**31, 2**31))",
    "torch_embedding_huge": "import torch.nn as nn\nprint(nn.Embedding(2**40, 2**10))",
    "torch_rnn_huge": "import torch.nn as nn\nprint(nn.RNN(2**31, 2**20))",
    "torch_print_wide_row": "import torch\nprint(torch.zeros(1, 10**6))",
    "torch_print_wide_tensor": "import torch\nx = torch.arange(10**6).float()\nprint(x)\nprint(x.view(1000, 1000))",
    "numpy_zeros_1e10": "import numpy as np\nprint(np.zeros(10**10).shape)",
    "numpy_ones_square": "import numpy as np\nprint(np.ones((10**5, 10**5)).shape)",
    "numpy_broadcast_outer": "import numpy as np\nprint((np.zeros((300000, 1)) + np.zeros((1, 300000))).shape)",
    "numpy_compare_outer": "import numpy as np\nprint((np.zeros((300000, 1)) < np.zeros((1, 300000))).shape)",
    "numpy_meshgrid_huge": "import numpy as np\nX, Y = np.meshgrid(np.arange(10**5), np.arange(10**5))\nprint(X.shape)",
    "numpy_outer_huge": "import numpy as np\nprint(np.outer(np.ones(10**6), np.ones(10**6)).shape)",
    "numpy_eye_1e6": "import numpy as np\nprint(np.eye(10**6).shape)",
    "numpy_diag_1e6": "import numpy as np\nprint(np.diag(np.ones(10**6)).shape)",
    "numpy_concatenate_doubling": "import numpy as np\nx = np.ones(1)\nwhile True:\n    x = np.concatenate([x, x])",
    "numpy_repeat_huge": "import numpy as np\nprint(np.repeat(np.ones(3), 10**12).shape)",
    "numpy_tile_huge": "import numpy as np\nprint(np.tile(np.ones(2), (10**6, 10**6)).shape)",
    "numpy_index_huge": "import numpy as np\nx = np.arange(10)\nprint(x[np.zeros((10**5, 1), dtype=int), np.zeros((1, 10**5), dtype=int)].shape)",
    "numpy_full_huge": "import numpy as np\nprint(np.full((10**6, 10**6), 1.5).shape)",
    "numpy_random_huge": "import numpy as np\nprint(np.random.rand(10**6, 10**6).shape)",
    "numpy_print_wide": "import numpy as np\nx = np.arange(10**6)\nprint(x)\nprint(x.reshape(1000, 1000))\nnp.set_printoptions(threshold=10**7)\nprint(len(str(x)))",
    "numpy_load_huge_header": "import os\nimport numpy as np\nwith open('hostile.npy', 'wb') as f:\n    f.write(b\"\\x93NUMPY\\x01\\x00\\x46\\x00{'descr': '<f8', 'fortran_order': False, 'shape': (10000000000000,), }  \\n\")\ntry:\n    print(np.load('hostile.npy').shape)\nfinally:\n    os.remove('hostile.npy')",
    "print_10mb": "print('x' * 10**7)",
    "dict_growth": "d = {}\nfor i in range(3 * 10**5):\n    d[i] = i\nprint(len(d))",
    "set_growth": "s = set()\nfor i in range(3 * 10**5):\n    s.add(i)\nprint(len(s))",
    "list_append_growth": "a = []\nfor i in range(5 * 10**5):\n    a.append(i)\nprint(len(a))",
}

# Containers and objects that reach themselves.
SELF_REFERENCE = {
    "autograd_function_ctx_cycle": "import torch\nclass S(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, a):\n        ctx.keep = ctx\n        ctx.save_for_backward(a, a)\n        return a * 1\n    @staticmethod\n    def backward(ctx, g):\n        return ctx\ny = S.apply(torch.ones(1, requires_grad=True))\ny.sum().backward()",
    "autograd_function_backward_reenters": "import torch\nclass R(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, a):\n        return a * 1\n    @staticmethod\n    def backward(ctx, g):\n        with torch.enable_grad():\n            R.apply(torch.ones(1, requires_grad=True)).sum().backward()\n        return g\nR.apply(torch.ones(1, requires_grad=True)).sum().backward()",
    "instance_dict_holds_itself": "class A:\n    pass\na = A()\na.d = a.__dict__\na.d['me'] = a\na.d['view'] = a.d\nprint(len(a.d), sorted(vars(a)))\ndel a",
    "globals_holds_itself": "g = globals()\ng['again'] = globals()\nprint('again' in g, len(g) > 0)\ng.update(more=g)\nprint(len(g['again']) == len(g))",
    "list_repr": "a = [1]\na.append(a)\nprint(a, repr(a), str(a), len(a))",
    "dict_repr": "d = {'k': 1}\nd['self'] = d\nprint(d)",
    "list_eq_self": "a = []\na.append(a)\nprint(a == a, a in a, a.count(a), a.index(a))",
    "two_cyclic_lists_eq": "a = []\na.append(a)\nb = []\nb.append(b)\nprint(a == b)",
    "mutual_lists": "a = [1]\nb = [a]\na.append(b)\nprint(a, b, a == b)",
    "dict_eq_cycle": "a = {}\na[1] = a\nb = {}\nb[1] = b\nprint(a == b)",
    "list_sort_cycle": "a = []\na.append(a)\na.append(a)\na.sort()\nprint(len(a))",
    "list_in_tuple_hash": "a = []\nt = (a,)\na.append(t)\nprint(hash(t))",
    "list_extend_self": "a = [1, 2]\na.extend(a)\na[:] = a\na += a\nprint(a)",
    "object_self_attribute": "class N:\n    pass\nn = N()\nn.me = n\nprint(n.me.me.me is n)",
    "object_cycle_repr": (
        "class N:\n    def __repr__(self):\n        return f'N({self.other!r})'\n"
        "a = N()\nb = N()\na.other = b\nb.other = a\nprint(a)"
    ),
    "module_stores_itself_parameters": (
        "import torch.nn as nn\nclass M(nn.Module):\n    def __init__(self):\n"
        "        super().__init__()\n        self.fc = nn.Linear(2, 2)\n        self.me = self\n"
        "m = M()\nprint(len(list(m.parameters())))"
    ),
    "module_stores_itself_state_dict": (
        "import torch.nn as nn\nclass M(nn.Module):\n    def __init__(self):\n"
        "        super().__init__()\n        self.fc = nn.Linear(2, 2)\n        self.me = self\n"
        "print(sorted(M().state_dict()))"
    ),
    "module_stores_itself_repr": (
        "import torch.nn as nn\nclass M(nn.Module):\n    def __init__(self):\n"
        "        super().__init__()\n        self.me = self\nprint(M())"
    ),
    "module_stores_itself_children": (
        "import torch.nn as nn\nclass M(nn.Module):\n    def __init__(self):\n"
        "        super().__init__()\n        self.me = self\nm = M()\n"
        "print(len(list(m.children())), len(list(m.named_parameters())))\nm.zero_grad()\nm.train()\nm.eval()"
    ),
    "sequential_contains_itself": (
        "import torch\nimport torch.nn as nn\ns = nn.Sequential(nn.Linear(2, 2))\ns.append(s)\nprint(s(torch.ones(2)))"
    ),
    "closure_cycle": "def f():\n    return f\ng = f\nfor _ in range(100000):\n    g = g()\nprint(g is f)",
    "list_of_itself_many_times": "a = []\nfor _ in range(10000):\n    a.append(a)\nprint(len(a), str(a)[:20])",
}


def dunder_class(body: str, name: str = "Hostile") -> str:
    lines = [f"class {name}:"] + ["    " + line for line in body.strip("\n").splitlines()]
    return "\n".join(lines) + "\n"


ITERATOR = "def __init__(self, n=3):\n    self.n = n\ndef __iter__(self):\n    return self\ndef __next__(self):\n    if self.n <= 0:\n        raise StopIteration\n    self.n -= 1\n    return self.n"

# Classes whose dunders return the wrong type, raise, or recurse forever; each with the code
# that provokes it.
DUNDERS = {
    # Ordinary iterator classes, consumed every way Python consumes an iterable.
    "iterator_list": (ITERATOR, "print(list(Hostile()))"),
    "iterator_for": (ITERATOR, "for v in Hostile():\n    print(v)"),
    "iterator_builtins": (ITERATOR, "print(sum(Hostile()), sorted(Hostile()), max(Hostile()), tuple(Hostile()))"),
    "iterator_zip_enumerate": (ITERATOR, "print(list(zip(Hostile(), Hostile(2))), list(enumerate(Hostile())))"),
    "iterator_unpack": (ITERATOR, "a, b, c = Hostile()\nprint(a, b, c, [*Hostile()], 1 in Hostile())"),
    "iterator_next": (ITERATOR, "h = Hostile(1)\nprint(next(h), next(h, 'end'), next(iter(h), 'end'))"),
    "iterator_dict_set_join": (ITERATOR, "print(dict.fromkeys(Hostile()), set(Hostile()), ','.join(map(str, Hostile())))"),
    "iterator_comprehension": (ITERATOR, "print([v * 2 for v in Hostile()], {v: v for v in Hostile()}, any(Hostile()))"),
    "next_calls_next_self": ("def __iter__(self):\n    return self\ndef __next__(self):\n    return next(self)", "print(list(Hostile()))"),
    "iter_calls_iter_self": ("def __iter__(self):\n    return iter(self)", "print(list(Hostile()))"),
    "iter_returns_int": ("def __iter__(self):\n    return 5", "print(list(Hostile()))"),
    "iter_returns_non_iterator_object": ("def __iter__(self):\n    return object()", "for v in Hostile():\n    pass"),
    "iter_raises": ("def __iter__(self):\n    raise ValueError('no iteration')", "print(sorted(Hostile()))"),
    "next_raises": ("def __iter__(self):\n    return self\ndef __next__(self):\n    raise KeyError('next')", "print(list(Hostile()))"),
    "next_returns_self_forever": (
        "def __iter__(self):\n    return self\ndef __next__(self):\n    return self",
        "for i, v in enumerate(Hostile()):\n    if i > 100000:\n        break\nprint(i)",
    ),
    "getitem_iteration_endless": (
        "def __getitem__(self, i):\n    return i",
        "for v in Hostile():\n    if v > 100000:\n        break\nprint(v)",
    ),
    "getitem_recursion": ("def __getitem__(self, i):\n    return self[i]", "print(Hostile()[0])"),
    "getattr_recursion": ("def __getattr__(self, name):\n    return self.missing", "print(Hostile().anything)"),
    "getattr_recursion_hasattr": ("def __getattr__(self, name):\n    return getattr(self, name)", "print(hasattr(Hostile(), 'x'))"),
    "getattribute_recursion": ("def __getattribute__(self, name):\n    return self.__dict__[name]", "print(Hostile().x)"),
    "setattr_recursion": ("def __setattr__(self, name, value):\n    setattr(self, name, value)", "h = Hostile()\nh.x = 1"),
    "getattr_in_init_recursion": (
        "def __init__(self):\n    self.value = self.compute\ndef __getattr__(self, name):\n    return self.value",
        "print(Hostile())",
    ),
    "repr_recursion": ("def __repr__(self):\n    return repr(self)", "print(repr(Hostile()))"),
    "repr_in_list_recursion": ("def __repr__(self):\n    return str([self])", "print([Hostile()])"),
    "repr_returns_int": ("def __repr__(self):\n    return 42", "print([Hostile()])"),
    "repr_raises": ("def __repr__(self):\n    raise RuntimeError('repr failed')", "print({'k': Hostile()})"),
    "str_recursion": ("def __str__(self):\n    return f'{self}'", "print(Hostile())"),
    "str_returns_none": ("def __str__(self):\n    return None", "print(Hostile())"),
    "format_returns_int": ("def __format__(self, spec):\n    return 3", "print(f'{Hostile():>5}')"),
    "format_recursion": ("def __format__(self, spec):\n    return format(self, spec)", "print(format(Hostile(), 'x'))"),
    "eq_recursion": ("def __eq__(self, other):\n    return self == other", "print(Hostile() == Hostile())"),
    "eq_recursion_in_list": ("def __eq__(self, other):\n    return self == other", "print(Hostile() in [Hostile()], [Hostile()] == [Hostile()])"),
    "eq_raises_in_index": ("def __eq__(self, other):\n    raise TypeError('no eq')", "print([1, 2].index(Hostile()))"),
    "eq_returns_object": (
        "def __eq__(self, other):\n    return object()\n__hash__ = None",
        "print(Hostile() == 1, Hostile() != 1, [Hostile()] == [1])",
    ),
    "hash_recursion": ("def __hash__(self):\n    return hash(self)", "print({Hostile()})"),
    "hash_returns_float": ("def __hash__(self):\n    return 1.5", "print({Hostile(): 1})"),
    "hash_returns_huge": ("def __hash__(self):\n    return 2**100", "print(len({Hostile(), Hostile()}))"),
    "hash_returns_max64": ("def __hash__(self):\n    return 2**63 - 1", "print(len({Hostile(), Hostile()}), hash(Hostile()))"),
    "hash_returns_min64": ("def __hash__(self):\n    return -2**63", "print(len({Hostile(), Hostile()}), hash(Hostile()))"),
    "hash_raises": ("def __hash__(self):\n    raise ValueError('no hash')", "d = {}\nd[Hostile()] = 1"),
    "bool_returns_int": ("def __bool__(self):\n    return 1", "if Hostile():\n    print('yes')"),
    "bool_returns_none": ("def __bool__(self):\n    return None", "print(not Hostile())"),
    "bool_recursion": ("def __bool__(self):\n    return bool(self)", "while Hostile():\n    break"),
    "bool_raises_in_filter": ("def __bool__(self):\n    raise KeyError('bool')", "print(list(filter(None, [Hostile()])), any([Hostile()]))"),
    "bool_in_and_or": ("def __bool__(self):\n    return 'yes'", "print(Hostile() and 1, Hostile() or 2)"),
    "len_negative": ("def __len__(self):\n    return -1", "print(len(Hostile()))"),
    "len_huge": ("def __len__(self):\n    return 2**100", "print(len(Hostile()))"),
    "len_max64": ("def __len__(self):\n    return 2**63 - 1", "print(len(Hostile()), bool(Hostile()))"),
    "len_float": ("def __len__(self):\n    return 2.5", "print(bool(Hostile()))"),
    "len_recursion": ("def __len__(self):\n    return len(self)", "print(len(Hostile()))"),
    "index_returns_str": ("def __index__(self):\n    return 'x'", "print([1, 2][Hostile()])"),
    "index_huge_in_repeat": ("def __index__(self):\n    return 2**62", "print(len([0] * Hostile()))"),
    "index_in_range": ("def __index__(self):\n    return 2**63 - 1", "print(range(Hostile())[-1], hex(Hostile()))"),
    "contains_recursion": ("def __contains__(self, x):\n    return x in self", "print(1 in Hostile())"),
    "call_recursion": ("def __call__(self):\n    return self()", "Hostile()()"),
    "init_recursion": ("def __init__(self):\n    Hostile()", "Hostile()"),
    "enter_raises": (
        "def __enter__(self):\n    raise OSError('enter')\ndef __exit__(self, *a):\n    print('exit must not run')",
        "with Hostile():\n    print('body must not run')",
    ),
    "exit_raises": (
        "def __enter__(self):\n    return self\ndef __exit__(self, *a):\n    raise ValueError('exit')",
        "with Hostile():\n    raise KeyError('body')",
    ),
    "exit_recursion": (
        "def __enter__(self):\n    return self\ndef __exit__(self, *a):\n    with self:\n        pass",
        "with Hostile():\n    pass",
    ),
    "lt_raises_in_sort": ("def __lt__(self, other):\n    raise ArithmeticError('lt')", "print(sorted([Hostile(), Hostile()]))"),
    "lt_recursion_in_sort": ("def __lt__(self, other):\n    return self < other", "print(sorted([Hostile(), Hostile()]))"),
    "lt_returns_non_bool_in_sort": ("def __init__(self, v=0):\n    self.v = v\ndef __lt__(self, other):\n    return [self.v]", "print(len(sorted([Hostile(1), Hostile(2), Hostile(0)])))"),
    "lt_random_answers_in_sort": (
        "count = 0\ndef __lt__(self, other):\n    Hostile.count += 1\n    return Hostile.count % 3 == 0",
        "print(len(sorted([Hostile() for _ in range(500)])))",
    ),
    "add_recursion": ("def __add__(self, other):\n    return self + other", "print(Hostile() + 1)"),
    "radd_in_sum": ("def __radd__(self, other):\n    return other + self", "print(sum([Hostile()]))"),
    "neg_recursion": ("def __neg__(self):\n    return -self", "print(-Hostile())"),
    "int_returns_float": ("def __int__(self):\n    return 1.5", "print(int(Hostile()))"),
    "float_returns_str": ("def __float__(self):\n    return 'x'", "print(float(Hostile()))"),
    "property_recursion": ("@property\ndef x(self):\n    return self.x", "print(Hostile().x)"),
    "mutating_eq_during_list_remove": (
        "def __init__(self, target):\n    self.target = target\ndef __eq__(self, other):\n    self.target.clear()\n    return False",
        "a = [1, 2, 3]\na.remove(Hostile(a))",
    ),
    "mutating_key_during_sort": (
        "def __init__(self, target):\n    self.target = target\ndef __lt__(self, other):\n    self.target.append(1)\n    return False",
        "a = []\na.extend([Hostile(a), Hostile(a), Hostile(a)])\na.sort()\nprint(len(a))",
    ),
    "mutating_hash_during_dict_insert": (
        "def __init__(self, target):\n    self.target = target\ndef __hash__(self):\n    self.target.clear()\n    return 1",
        "d = {1: 1, 2: 2}\nd[Hostile(d)] = 3\nprint(len(d))",
    ),
    "mutating_eq_during_dict_lookup": (
        "def __init__(self, target):\n    self.target = target\ndef __hash__(self):\n    return 1\ndef __eq__(self, other):\n    self.target.clear()\n    return False",
        "d = {}\nd[Hostile(d)] = 1\nd[Hostile(d)] = 2\nprint(Hostile(d) in d, len(d))",
    ),
    "eq_grows_dict_during_lookup": (
        "def __init__(self, target):\n    self.target = target\ndef __hash__(self):\n    return 1\ndef __eq__(self, other):\n    for i in range(50):\n        self.target[(id(self), i, len(self.target))] = 0\n    return False",
        "d = {}\nd[Hostile(d)] = 1\ntry:\n    d[Hostile(d)] = 2\nexcept RuntimeError as e:\n    print(e)\nprint(len(d) > 1)",
    ),
    "iterator_mutates_list_during_for": (
        "def __init__(self, target):\n    self.target = target\ndef __eq__(self, other):\n    self.target.append(0)\n    return False",
        "a = [1]\nh = Hostile(a)\nfor v in a:\n    if len(a) > 100000:\n        break\n    v == h\nprint(len(a))",
    ),
}

# Chains hundreds of thousands of links deep (and one of five million): releasing them
# recursively overflows a native stack; the operations that must stop at Python's recursion
# limit use fewer links.
DEEP = 3 * 10**5
DEEP_OPS = 10**5

# Deep structures built in a loop and released at the end, and deep input to the parser.
DEEP_NESTING = {
    "list_chain_release": f"a = []\nfor _ in range({DEEP}):\n    a = [a]\nprint(len(a))\ndel a",
    "list_chain_5e6_release": "a = []\nfor _ in range(5 * 10**6):\n    a = [a]\nprint(len(a))",
    "dict_chain_release": f"d = {{}}\nfor _ in range({DEEP}):\n    d = {{'k': d}}\nprint(len(d))\ndel d",
    "tuple_chain_release": f"t = ()\nfor _ in range({DEEP}):\n    t = (t,)\nprint(len(t))\ndel t",
    "object_chain_release": (
        f"class Node:\n    def __init__(self, nxt):\n        self.nxt = nxt\nn = None\nfor _ in range({DEEP}):\n    n = Node(n)\nprint(n.nxt is not None)\nn = None"
    ),
    "closure_chain_release": (
        f"def wrap(g):\n    return lambda: g\nf = lambda: 0\nfor _ in range({DEEP}):\n    f = wrap(f)\nprint(callable(f()))\nf = None"
    ),
    "bound_method_chain_release": (
        f"class C:\n    def __init__(self, prev):\n        self.prev = prev\n    def m(self):\n        return self.prev\nm = None\nfor _ in range({DEEP}):\n    m = C(m).m\nprint(m() is not None)\nm = None"
    ),
    "list_chain_repr": f"a = []\nfor _ in range({DEEP_OPS}):\n    a = [a]\nprint(repr(a)[:10])",
    "list_chain_eq": f"a = []\nb = []\nfor _ in range({DEEP_OPS}):\n    a = [a]\n    b = [b]\nprint(a == b)",
    "dict_chain_repr": f"d = {{}}\nfor _ in range({DEEP_OPS}):\n    d = {{1: d}}\nprint(str(d)[:10])",
    "tuple_chain_hash": f"t = ()\nfor _ in range({DEEP_OPS}):\n    t = (t,)\nprint(hash(t) == hash(t))",
    "tuple_chain_in_set": f"t = ()\nfor _ in range({DEEP_OPS}):\n    t = (t,)\nprint(t in {{t}})",
    "list_chain_sorted": f"a = []\nb = []\nfor _ in range({DEEP_OPS}):\n    a = [a]\n    b = [b]\nprint(len(sorted([a, b])))",
    "recursion_limit": "def f(n):\n    return f(n + 1) + 1\nf(0)",
    "recursion_through_lambda": "f = lambda n: f(n + 1)\nf(0)",
    "recursion_mutual": "def a(n):\n    return b(n)\ndef b(n):\n    return a(n)\na(0)",
    "recursion_in_comprehension": "def f(n):\n    return [f(n + 1) for _ in range(1)]\nf(0)",
    "recursion_via_sorted_key": "def key(v):\n    return sorted([v], key=key)\nsorted([1], key=key)",
    "recursion_via_map": "def f(v):\n    return list(map(f, [v]))\nf(0)",
    "recursion_via_str_format": "class C:\n    def __format__(self, s):\n        return '{}'.format(self)\nprint('{}'.format(C()))",
    "recursion_big_frames": "def f(n, *args, **kw):\n    x = [n] * 100\n    return f(n + 1, *x, **kw)\nf(0)",
    "recursion_caught_then_continue": (
        "def f():\n    return f()\nfor _ in range(20):\n    try:\n        f()\n    except RecursionError:\n        pass\nprint('alive')"
    ),
    "source_nested_brackets": "x = " + "[" * 5000 + "]" * 5000 + "\nprint(x)",
    "source_nested_parens": "x = " + "(" * 5000 + "1" + ")" * 5000 + "\nprint(x)",
    "source_long_sum": "x = 1" + " + 1" * 100000 + "\nprint(x)",
    "source_long_comparison_chain": "print(" + " < ".join(["1"] * 20000) + ")",
    "source_long_call_chain": "x = 'a'" + ".strip()" * 50000 + "\nprint(x)",
    "source_nested_unary": "print(" + "-" * 100000 + "1)",
    "source_nested_lambdas": "f = " + "lambda: " * 5000 + "1\nprint(callable(f))",
    "source_deep_indentation": "\n".join("    " * i + "if True:" for i in range(300)) + "\n" + "    " * 300 + "print('deep')",
    "source_nested_fstrings": "x = 1\nprint(" + "f'{" * 2 + "x" + "}'" * 2 + ")",
    "source_many_elifs": "x = 0\nif x == 1:\n    pass\n" + "".join(f"elif x == {i}:\n    pass\n" for i in range(2, 10000)) + "print('done')",
    "source_huge_literal_list": "x = [" + "1, " * 100000 + "]\nprint(len(x))",
    "source_nested_subscripts": "y = [0]\nfor _ in range(3000):\n    y = [y]\nprint(y" + "[0]" * 3000 + ")",
}

OTHER = {
    "eval_of_itself": "s = 'eval(s)'\neval(s)",
    "exec_of_itself": "s = 'exec(s)'\nexec(s)",
    "eval_nested_source": "print(eval('(' * 100000 + '1' + ')' * 100000))",
    "int_of_long_digit_string": "s = '9' * 100000\nprint(len(str(int(s))))",
    "float_of_long_digit_string": "print(float('1' * 100000 + '.5'))",
    "big_exponent_float": "print(2.0 ** 10000)",
    "float_pow_overflow_int": "print(10 ** 400 * 1.0)",
    "math_exp_overflow": "import math\nprint(math.exp(10**5))",
    "float_to_int_inf": "print(int(float('inf')))",
    "float_to_int_nan": "print(int(float('nan')))",
    "round_inf": "print(round(float('inf')))",
    "divmod_min_by_minus_one": "print(divmod(-2**63, -1), -2**63 // -1, -2**63 % -1)",
    "abs_min64": "print(abs(-2**63), -(-2**63))",
    "mul_overflow": "print((2**62) * 4, (2**32) * (2**32), -(2**63) * -1)",
    "pow_overflow": "print(3 ** 50, pow(2, 64), 7 ** 7 ** 3 % 10)",
    "shift_overflow": "print(1 << 64, -1 << 63, (2**62) << 2)",
    "sum_overflow": "print(sum([2**62] * 4), sum(range(2**62, 2**62 + 4)))",
    "list_index_min64": "print([1, 2, 3][-2**63])",
    "str_mul_negative_huge": "print(repr('ab' * -2**63), [1] * -10**100)",
    "torch_tensor_min64_abs": "import torch\nprint(torch.tensor([-2**63]).abs())",
    "torch_tensor_min64_div": "import torch\nprint(torch.tensor([-2**63]) // torch.tensor([-1]))",
    "torch_int_div_zero": "import torch\nprint(torch.tensor([5]) // 0)",
    "torch_int_mod_zero": "import torch\nprint(torch.tensor([5]) % 0)",
    "torch_negative_size": "import torch\nprint(torch.zeros(-1))",
    "torch_view_zero": "import torch\nprint(torch.ones(4).view(0, -1))",
    "torch_nan_argmax": "import torch\nprint(torch.tensor([float('nan'), 1.0]).argmax())",
    "torch_item_of_empty": "import torch\nprint(torch.zeros(0).item())",
    "torch_index_min64": "import torch\nprint(torch.ones(3)[-2**63])",
    "torch_long_to_float_huge": "import torch\nprint(torch.tensor([2**63 - 1]).float(), torch.tensor([1e30]).long())",
    "torch_tensor_nested_ragged": "import torch\nprint(torch.tensor([[1, 2], [3]]))",
    "torch_tensor_deep_list": "import torch\na = [1.0]\nfor _ in range(10000):\n    a = [a]\nprint(torch.tensor(a).dim())",
    "torch_tensor_self_list": "import torch\na = [1.0]\na.append(a)\nprint(torch.tensor(a))",
    "torch_cross_entropy_bad_target": "import torch\nimport torch.nn.functional as F\nprint(F.cross_entropy(torch.zeros(2, 3), torch.tensor([0, 2**62])))",
    "torch_embedding_negative": "import torch\nimport torch.nn as nn\nprint(nn.Embedding(3, 2)(torch.tensor([-1])))",
    "enumerate_start_near_max": "print(list(enumerate('ab', 2**63 - 1)))",
    "round_min64_ndigits": "print(round(1.5, -2**63), round(2**62, -19))",
    "range_huge_step_iteration": "for i in range(-2**63, 2**63 - 1, 2**62):\n    print(i)",
    "range_len_overflow": "print(len(range(-2**63, 2**63 - 1)))",
    "range_reversed_extremes": "print(list(reversed(range(-2**63, -2**63 + 3))), list(reversed(range(2**63 - 3, 2**63 - 1))))",
    "slice_indices_extreme": "print(list(range(10))[-2**63:2**63 - 1:2**62], 'abc'[2**63 - 1:-2**63:-1])",
    "list_slice_assign_extreme": "a = [1, 2, 3]\na[2**63 - 1:] = [4]\na[:-2**63] = [0]\nprint(a)",
    "list_del_slice_extreme": "a = list(range(10))\ndel a[::2**63 - 1]\ndel a[-2**63::-1]\nprint(a)",
    "str_format_huge_precision": "print(f'{1.5:.{2**31}f}'[:5])",
    "percent_huge_width": "print(len('%*d' % (2**40, 1)))",
    "string_expand_huge_width": "print(len(f'{1:{10**10}}'))",
    "print_huge_float_precision": "print('%.1000000f' % 1.0 == '1.' + '0' * 1000000)",
    "exception_huge_message": "raise ValueError('x' * 10**7)",
    "exception_chain_long": (
        "e = None\nfor i in range(10000):\n    try:\n        try:\n            raise ValueError(i)\n        finally:\n            if e is not None:\n                raise e\n"
        "    except ValueError as caught:\n        e = caught\nprint('chained')"
    ),
    "keyboard_interrupt_raised": "raise KeyboardInterrupt",
    "system_exit_in_except": "try:\n    raise SystemExit(3)\nexcept BaseException as e:\n    print(type(e).__name__)",
    "nested_with_many": "class C:\n    def __enter__(self):\n        return self\n    def __exit__(self, *a):\n        return False\ndef nest(n):\n    if n == 0:\n        return 0\n    with C():\n        return nest(n - 1)\nprint(nest(900))",
    "try_finally_recursion": "def f(n):\n    try:\n        return f(n + 1)\n    finally:\n        pass\nf(0)",
    "generator_expression_deep": f"g = iter([0])\nfor _ in range({10**5}):\n    g = (x for x in g)\nprint(list(g))",
    "map_chain_deep": f"g = [0]\nfor _ in range({10**5}):\n    g = map(abs, g)\nprint(list(g))",
    "zip_chain_deep": f"g = [0]\nfor _ in range({10**5}):\n    g = zip(g)\nprint(len(list(g)))",
    "filter_chain_deep": f"g = [1]\nfor _ in range({10**5}):\n    g = filter(None, g)\nprint(list(g))",
    "iter_chain_deep": f"g = [1]\nfor _ in range({10**5}):\n    g = iter(g)\nprint(list(g))",
    "module_forward_recursion": (
        "import torch\nimport torch.nn as nn\nclass M(nn.Module):\n    def forward(self, x):\n        return self(x)\nprint(M()(torch.ones(1)))"
    ),
    "module_getattr_recursion": (
        "import torch.nn as nn\nclass M(nn.Module):\n    def __getattr__(self, name):\n        return self.other\nprint(M().anything)"
    ),
    "module_forward_returns_self": (
        "import torch\nimport torch.nn as nn\nclass M(nn.Module):\n    def forward(self, x):\n        return self\nprint(M()(torch.ones(1)).sum())"
    ),
    "sorted_huge_key_list": "print(len(sorted(range(2 * 10**5), key=lambda v: -v)))",
}


def integer_program(template: str) -> str:
    """`template` run with `n` bound to each extreme in turn; each Python error is printed and the
    program goes on to the next value."""
    lines = []
    for label, value in EXTREMES.items():
        body = "\n".join("        " + line for line in template.splitlines())
        lines.append(
            f"try:\n    n = {value}\n    try:\n{body}\n    finally:\n        print({label!r}, flush=True)\n"
            f"except Exception as e:\n    print({label!r}, type(e).__name__, str(e)[:200])"
        )
    return "\n".join(lines) + "\n"


# Big-int arithmetic and conversions of up to millions of bits, and counts a container cannot
# hold announced before any item is made: each answers at once, as CPython does (or raises).
BIG_INTS = {
    "division_mixed_sizes": "q, r = divmod(10**30000, 7**5000 + 1)\nprint(q.bit_length(), r % 1000003, (-q) // 3**4000 % 997)",
    "modulo_signs": "a = -(3**20000)\nb = 2**20001 + 1\nprint((a % b).bit_length(), (a // b).bit_length(), a % -b <= 0, divmod(a, -b)[0] > 0)",
    "str_3e6_digits": "print(len(str(7 << 10**7)))",
    "format_3e6_digits": "print(len(format(-7 << 10**7, ',')))",
    "percent_format_3e6_digits": "print(len('%d' % (7 << 10**7)))",
    "hex_of_1e7_bits": "print(len(hex(1 << 10**7)), len(bin(-(1 << 10**7))), len(format(1 << 10**7, 'o')))",
    "int_hex_parse_1e6_digits": "print(int('f' * 10**6, 16).bit_length(), int('1' * 10**6, 2).bit_length())",
    "int_decimal_parse_past_limit": "print(int('7' * 10**6))",
    "power_past_limit": "x = 10**10**9",
    "modular_power_huge_exponent": "print(pow(3, (1 << 5 * 10**5) - 1, 1000003), pow(7, 1 << 10**4, 10**100 + 267) % 1000)",
    "shift_past_limit": "x = 1 << 2**40",
    "itertools_repeat_2_40": "import itertools\nprint(len(list(itertools.repeat(1, 2**40))))",
    "itertools_repeat_2_62": "import itertools\nprint(len(tuple(itertools.repeat(None, 2**62))))",
    "itertools_repeat_2_63": "import itertools\nprint(itertools.repeat(1, 2**63))",
    "itertools_repeat_sorted": "import itertools\nprint(sorted(itertools.repeat(0, 2**40)))",
    "length_hint_huge": "class Hinted:\n    def __iter__(self):\n        return self\n    def __next__(self):\n        return 0\n    def __length_hint__(self):\n        return 2**50\nprint(len(list(Hinted())))",
    "sequence_repeat_past_index": "for seq in ([0], (0,), 'a', b'a'):\n    try:\n        seq * 2**63\n    except OverflowError as e:\n        print(type(seq).__name__, e)",
    "numpy_diag_extreme_offsets": (
        "import numpy as np\nfor v in (np.ones(3), np.arange(9).reshape(3, 3)):\n    for k in (2**62, -2**63, 2**63 - 1, 2**64, -2**64):\n"
        "        try:\n            np.diag(v, k)\n        except (ValueError, OverflowError) as e:\n            print(type(e).__name__, e)"
    ),
}


# Programs that take long to build their structure in a debug build get a longer timeout
# (seconds of CPU measured on a quiet 2-core machine: about 40, 5 and 5; a loaded machine
# doubles the wall time, and a hang is still caught).
SLOW = {"deep_list_chain_5e6_release.py": 150, "deep_closure_chain_release.py": 40, "huge_list_doubling.py": 40}


def programs() -> dict[str, str]:
    """Every hostile program: file name -> source."""
    out: dict[str, str] = {}
    for call, template in INTEGER_CALLS.items():
        out[f"int_{call}.py"] = integer_program(template)
    for group, table in (("huge", HUGE_SIZES), ("cycle", SELF_REFERENCE), ("deep", DEEP_NESTING), ("edge", OTHER),
                         ("bigint", BIG_INTS)):
        for name, source in table.items():
            out[f"{group}_{name}.py"] = source.rstrip("\n") + "\n"
    for name, (body, use) in DUNDERS.items():
        out[f"dunder_{name}.py"] = dunder_class(body) + use.rstrip("\n") + "\n"
    for name, seconds in SLOW.items():
        out[name] = f"# timeout: {seconds}\n" + out[name]
    return out


def main() -> int:
    PROGRAMS.mkdir(exist_ok=True)
    wanted = programs()
    for stale in PROGRAMS.glob("*.py"):
        if stale.name not in wanted:
            stale.unlink()
    for name, source in wanted.items():
        path = PROGRAMS / name
        if not path.exists() or path.read_text() != source:
            path.write_text(source)
    print(f"{len(wanted)} programs in {PROGRAMS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
