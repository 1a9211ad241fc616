import numpy as np
# binomial from the legacy global state, RandomState and Generator: inversion (n*min(p, 1-p) <= 30)
# and BTPE (its triangle, parallelograms, tails, the ratio walk and the Stirling bound are
# all reached by the large samples), p above one half, parameter arrays broadcast with size,
# and what each draw consumed (the next uniform, or the bit generator's state).
PARAMS = [(1, 0.5), (10, 0.5), (0, 0.3), (7, 0.0), (7, 1.0), (20, 0.9), (60, 0.5), (61, 0.5), (100, 0.3), (100, 0.97),
          (1000, 0.01), (1000, 0.6), (5000, 0.5), (123456, 0.25), (2**40, 0.5), (2**40, 1e-12), (3, 0.999999)]
def block(src):
    for n, p in PARAMS:
        print(n, p, src.binomial(n, p), src.binomial(n, p, size=6).tolist(), src.random() if hasattr(src, "random") else "")
    big = src.binomial(500, 0.4, size=100000)
    print(int(big.sum()), int(big.min()), int(big.max()), int((big == 200).sum()))
    big = src.binomial(40, 0.9, size=50000)
    print(int(big.sum()), int(big.min()), int(big.max()))
    big = src.binomial(10**6, 0.5, size=20000)
    print(int(big.sum()), int(big.min()), int(big.max()))
    big = src.binomial(45, 0.5, size=50000)
    print(int(big.sum()), int(big.min()), int(big.max()))
    print(src.binomial([1, 5, 100], 0.5).tolist(), src.binomial(10, [0.1, 0.5, 0.95]).tolist())
    print(src.binomial(np.array([[3], [300]]), np.array([0.2, 0.7]), size=(2, 2)).tolist(), repr(src.binomial(4, 0.5, size=())))
    print(src.binomial(10.9, 0.5, 3).tolist(), src.binomial(np.int32(9), np.float32(0.25)), src.binomial(True, 1.0))
    for bad in [lambda: src.binomial(-1, 0.5), lambda: src.binomial(5, 1.5), lambda: src.binomial(5, np.nan),
                lambda: src.binomial(5, [0.5, -0.1]), lambda: src.binomial("5", 0.5), lambda: src.binomial(5, 0.5, size=-2),
                lambda: src.binomial(1, [0.1, 0.9], size=3), lambda: src.binomial(5)]:
        try:
            bad()
        except (ValueError, TypeError) as e:
            print(type(e).__name__ + ":", e)
for seed in [0, 1, 2024]:
    np.random.seed(seed)
    print("legacy", seed)
    block(np.random)
    print(np.random.random())
    rs = np.random.RandomState(seed + 7)
    print("RandomState", seed + 7)
    block(rs)
    print(rs.random_sample())
    g = np.random.default_rng(seed)
    print("Generator", seed)
    block(g)
    print(g.bit_generator.state)
