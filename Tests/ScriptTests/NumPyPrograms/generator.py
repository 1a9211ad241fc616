import numpy as np
# np.random.default_rng (PCG64 seeded through SeedSequence): every draw printed exactly (tolist
# gives shortest round-trip reprs), and the bit generator's state after each block, which
# counts the raw outputs the samplers' rejection paths consumed.
for seed in [0, 1, 42, 12345, 2**70 + 3, [1, 2, 3]]:
    g = np.random.default_rng(seed)
    print("seed", seed, g.bit_generator.state)
    print(g.random(), g.random(4).tolist(), g.random(5, dtype=np.float32).tolist(), g.random(dtype=np.float32))
    print(g.standard_normal(), g.standard_normal(1500).tolist())
    print(g.standard_normal(1000, dtype=np.float32).tolist())
    print(g.standard_exponential(400).tolist(), g.exponential(3.0, 3).tolist())
    print(g.bit_generator.state)
    big = g.standard_normal(200000)
    print(float(big.sum()), int((np.abs(big) > 3.6541528853610088).sum()), float(big.max()), float(big.min()))
    big32 = g.standard_normal(200000, dtype=np.float32)
    print(float(big32.sum()), float(big32.max()), float(big32.min()))
    e = g.standard_exponential(200000)
    print(float(e.sum()), int((e > 7.69711747013105).sum()), float(e.max()))
    print(g.bit_generator.state)
    print(g.normal(2, 0.5, 4).tolist(), g.normal(), g.uniform(-1, 3, 4).tolist(), g.uniform(5, 6))
    print(g.integers(10, size=12).tolist(), g.integers(-5, 5, size=(2, 3)).tolist(), g.integers(7), g.integers(3, 9, endpoint=True))
    print(g.integers(0, 2**40, size=4).tolist(), g.integers(-2**63, 2**63 - 1, size=3, endpoint=True).tolist())
    print(g.integers(0, 2**32, size=3).tolist(), g.integers(0, 2**32 - 1, size=3, endpoint=True).tolist())
    print(g.integers(0, 1000, size=9, dtype=np.int32).tolist(), g.integers(-2**31, 2**31, size=3, dtype=np.int32).tolist())
    print(g.integers(0, 10, size=11, dtype=np.uint8).tolist(), g.integers(0, 256, size=5, dtype=np.uint8).tolist())
    print(g.integers(0, 2, size=40, dtype=bool).tolist(), g.integers(1, 2, size=3, dtype=bool).tolist(), g.integers(5, dtype=int))
    print(g.bit_generator.state)
    print(g.choice(10, 6).tolist(), g.choice(5), g.choice([3, 1, 4, 1, 5]), g.choice(np.arange(12).reshape(4, 3), 2).tolist())
    print(g.choice(8, 8, replace=False).tolist(), g.choice(100, 5, replace=False).tolist(), g.choice(30, 4, replace=False, shuffle=False).tolist())
    print(g.choice(20000, 500, replace=False)[:8].tolist(), g.choice(20000, 200, replace=False)[:8].tolist())
    print(g.choice(20000, 500, replace=False, shuffle=False)[-4:].tolist())
    print(g.choice(4, 10, p=[0.1, 0.2, 0.3, 0.4]).tolist(), g.choice([10.5, 20.5, 30.5], 4, p=[0.5, 0.25, 0.25]).tolist())
    print(g.choice(6, 4, replace=False, p=[0.05, 0.05, 0.3, 0.3, 0.2, 0.1]).tolist())
    a = np.arange(10)
    g.shuffle(a)
    items = list("abcdefg")
    g.shuffle(items)
    m = np.arange(12).reshape(4, 3)
    g.shuffle(m)
    print(a.tolist(), items, m.tolist())
    print(g.permutation(9).tolist(), g.permutation(np.arange(8).reshape(4, 2)).tolist(), g.permutation([5, 6, 7]).tolist())
    print(g.permuted(np.arange(12).reshape(3, 4), axis=1).tolist(), g.permuted(np.arange(12).reshape(3, 4), axis=0).tolist())
    print(g.permuted(np.arange(6).reshape(2, 3)).tolist())
    print(g.bit_generator.state)
bg = np.random.PCG64(2024)
print(bg.state, bg.random_raw(), bg.random_raw())
bg.advance(10**6)
print(bg.state)
bg.advance(-5)
print(bg.state)
print(bg.jumped().state, bg.jumped(3).state)
g = np.random.Generator(bg)
g.random(dtype=np.float32)
st = bg.state
print(st["has_uint32"], st["uinteger"])
x = g.random(3).tolist()
bg.state = st
print(x == g.random(3).tolist())
st["state"]["state"] = 2**127 + 11
st["state"]["inc"] = 12345
bg.state = st
print(g.random(2, dtype=np.float32).tolist(), g.standard_normal(3).tolist(), bg.state)
ss = np.random.SeedSequence(8)
print(ss)
print(ss.state)
kids = ss.spawn(3)
print(kids[1], ss.n_children_spawned, [np.random.default_rng(k).random() for k in kids])
print(np.random.SeedSequence([4, 2**40], spawn_key=(1, 2), pool_size=8))
print(np.random.default_rng(np.random.SeedSequence(5, spawn_key=(3,))).integers(100, size=4).tolist())
print(np.random.default_rng(np.random.PCG64(9)).random(), str(np.random.default_rng(1)))
r = np.random.default_rng(3)
print(np.random.default_rng(r) is r, type(r).__name__, type(r.bit_generator).__name__)
for bad in ["np.random.default_rng(-1)", "np.random.default_rng(1.5)", "np.random.default_rng('x')", "np.random.default_rng([1, -2])",
            "r.integers(5, 2)", "r.integers(5, 5)", "r.integers(5, 4, endpoint=True)", "r.integers(0, 2**64)", "r.integers(-1, 2**63)",
            "r.integers(0, 300, dtype=np.uint8)", "r.integers(-1, 3, dtype=np.uint8)", "r.integers(0, 2, dtype=np.int32, size=-1)",
            "r.integers(-2**31 - 1, 0, dtype=np.int32)", "r.integers(0, 3, dtype=bool)", "r.random(dtype=np.int64)",
            "r.standard_normal(dtype=np.int32)", "r.normal(0, -1)", "r.normal(0, -0.0)", "r.uniform(2, 1)", "r.uniform(0, np.inf)",
            "r.exponential(-2)", "r.choice(0)", "r.choice([])", "r.choice(3, 5, replace=False)", "r.choice(3, p=[0.5, 0.5])",
            "r.choice(3, p=[0.5, 0.6, 0.1])", "r.choice(3, p=[-0.5, 1, 0.5])", "r.choice(3, p=[np.nan, 1, 0])",
            "r.choice(3, 3, replace=False, p=[0.5, 0.5, 0])", "r.choice(3, p=[[0.5, 0.5, 0]])", "r.choice(0, 0).tolist()",
            "np.random.SeedSequence(-3)", "np.random.SeedSequence(5, pool_size=2)", "r.integers(1.9, 2.5, size=3).tolist()",
            "r.permutation(-1).tolist()", "r.shuffle(np.array(5))", "np.zeros(3).sum(axis=2)", "np.ones((2, 2)).mean(axis=-3)",
            "np.argmax(np.ones(3), axis=1)", "np.expand_dims(np.ones(2), 3)", "np.stack([np.ones(2)], axis=2)",
            "isinstance(np.exceptions.AxisError('m'), IndexError)", "issubclass(np.exceptions.AxisError, ValueError)"]:
    try:
        print(bad, "->", eval(bad))
    except Exception as e:
        print(bad, "!!", type(e).__name__ + ":", e)
try:
    np.zeros((2, 3)).max(axis=5)
except IndexError as e:
    print("caught as IndexError:", e)
try:
    np.zeros((2, 3)).swapaxes(0, -4)
except ValueError as e:
    print("caught as ValueError:", e)
