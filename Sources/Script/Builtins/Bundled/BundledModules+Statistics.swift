extension BundledModules {
    /// `statistics`, written in Recur script after CPython's: sums are exact (integer ratios),
    /// so results are CPython's to the last bit.
    package static let statistics = #"""
"""Statistics of int and float data: mean, fmean, geometric_mean, harmonic_mean, median,
median_low, median_high, mode, multimode, quantiles, variance, pvariance, stdev, pstdev.
Fraction and Decimal data are not provided (Recur has neither type)."""

import math
from collections import Counter

__all__ = ['StatisticsError', 'fmean', 'geometric_mean', 'harmonic_mean', 'mean', 'median', 'median_high',
           'median_low', 'mode', 'multimode', 'pstdev', 'pvariance', 'quantiles', 'stdev', 'variance']


class StatisticsError(ValueError):
    pass


# Exact arithmetic on (numerator, denominator) pairs with a positive denominator.

def _reduce(n, d):
    if d < 0:
        n, d = -n, -d
    g = math.gcd(n, d)
    return (n // g, d // g) if g > 1 else (n, d)


def _add(a, b):
    return _reduce(a[0] * b[1] + b[0] * a[1], a[1] * b[1])


def _div_int(a, k):
    return _reduce(a[0], a[1] * k)


def _exact_ratio(x):
    if type(x) is int or type(x) is bool:
        return (int(x), 1)
    if type(x) is float:
        if not math.isfinite(x):
            return (x, None)
        return x.as_integer_ratio()
    raise TypeError("can't convert type '%s' to numerator/denominator" % type(x).__name__)


def _coerce(T, S):
    if T is S:
        return T
    if S is int or S is bool:
        return T
    if T is int:
        return S
    raise TypeError("don't know how to coerce %s and %s" % (T.__name__, S.__name__))


def _accumulate(data, squares):
    # The type to convert results to, the count, a non-finite total if any, and the exact
    # sums (and sums of squares) grouped by denominator.
    count = 0
    T = int
    sx = {}
    sxx = {}
    special = None
    for x in data:
        T = _coerce(T, type(x))
        n, d = _exact_ratio(x)
        count += 1
        if d is None:
            special = n if special is None else special + n
            continue
        sx[d] = sx.get(d, 0) + n
        if squares:
            sxx[d] = sxx.get(d, 0) + n * n
    return T, count, special, sx, sxx


def _total(partials, squared):
    total = (0, 1)
    for d, n in partials.items():
        total = _add(total, _reduce(n, d * d if squared else d))
    return total


def _sum(data):
    T, count, special, sx, _ = _accumulate(data, False)
    if special is not None:
        return (T, special, count)
    return (T, _total(sx, False), count)


def _ss(data, c=None):
    if c is not None:
        values = [x - c for x in data]
        T, ssd, count = _sum([v * v for v in values])
        return (T, ssd, c, count)
    T, count, special, sx_partials, sxx_partials = _accumulate(data, True)
    if not count:
        return (T, (0, 1), (0, 1), 0)
    if special is not None:
        return (T, special, special, count)
    sx = _total(sx_partials, False)
    sxx = _total(sxx_partials, True)
    # (count * sxx - sx * sx) / count
    ssd = _reduce(count * sxx[0] * sx[1] * sx[1] - sx[0] * sx[0] * sxx[1], sxx[1] * sx[1] * sx[1] * count)
    return (T, ssd, _div_int(sx, count), count)


def _true_div(n, d):
    # n / d correctly rounded (as CPython's int division), from a quotient of 55-56 bits
    # with a sticky bit for the remainder.
    if -2 ** 53 <= n <= 2 ** 53 and d <= 2 ** 53:
        return n / d
    sign = -1.0 if n < 0 else 1.0
    n = -n if n < 0 else n
    shift = n.bit_length() - d.bit_length() - 55
    if shift >= 0:
        q, r = divmod(n, d << shift)
    else:
        q, r = divmod(n << -shift, d)
    if r:
        q |= 1
    return sign * math.ldexp(float(q), shift)


def _convert(value, T):
    if type(value) is not tuple:
        return value
    n, d = value
    if T is int and d == 1:
        return n
    return _true_div(n, d)


def _integer_sqrt_of_frac_rto(n, m):
    a = math.isqrt(n // m)
    return a | (a * a * m != n)


_sqrt_bit_width = 2 * 53 + 3


def _float_sqrt_of_frac(n, m):
    q = (n.bit_length() - m.bit_length() - _sqrt_bit_width) // 2
    if q >= 0:
        numerator = _integer_sqrt_of_frac_rto(n, m << 2 * q) << q
        denominator = 1
    else:
        numerator = _integer_sqrt_of_frac_rto(n << -2 * q, m)
        denominator = 1 << -q
    return _true_div(numerator, denominator)


def _sqrt(value):
    if type(value) is not tuple:
        return math.sqrt(value)
    return _float_sqrt_of_frac(value[0], value[1])


def mean(data):
    T, total, n = _sum(data)
    if n < 1:
        raise StatisticsError('mean requires at least one data point')
    return _convert(_div_int(total, n) if type(total) is tuple else total / n, T)


def fmean(data, weights=None):
    data = list(data)
    n = len(data)
    if weights is None:
        total = math.fsum(data)
        if not n:
            raise StatisticsError('fmean requires at least one data point')
        return total / n
    weights = list(weights)
    num = math.fsum([x * w for x, w in zip(data, weights)])
    if n != len(weights):
        raise StatisticsError('data and weights must be the same length')
    den = math.fsum(weights)
    if not den:
        raise StatisticsError('sum of weights must be non-zero')
    return num / den


def geometric_mean(data):
    try:
        return math.exp(fmean([math.log(x) for x in data]))
    except ValueError:
        raise StatisticsError('geometric mean requires a non-empty dataset containing positive numbers') from None


def harmonic_mean(data, weights=None):
    data = list(data)
    errmsg = 'harmonic mean does not support negative values'
    n = len(data)
    if n < 1:
        raise StatisticsError('harmonic_mean requires at least one data point')
    if n == 1 and weights is None:
        x = data[0]
        if type(x) in (int, float, bool):
            if x < 0:
                raise StatisticsError(errmsg)
            return x
        raise TypeError('unsupported type')
    if weights is None:
        weights = [1] * n
        sum_weights = (n, 1)
    else:
        weights = list(weights)
        if len(weights) != n:
            raise StatisticsError('Number of weights does not match data size')
        for w in weights:
            if w < 0:
                raise StatisticsError(errmsg)
        _, sum_weights, _ = _sum(weights)
    for x in data:
        if x < 0:
            raise StatisticsError(errmsg)
    try:
        T, total, count = _sum([w / x if w else 0 for w, x in zip(weights, data)])
    except ZeroDivisionError:
        return 0
    if type(total) is not tuple or total[0] <= 0:
        raise StatisticsError('Weighted sum must be positive')
    return _convert(_reduce(sum_weights[0] * total[1], sum_weights[1] * total[0]), T)


def _sorted_data(data):
    data = sorted(data)
    if not data:
        raise StatisticsError('no median for empty data')
    return data, len(data)


def median(data):
    data, n = _sorted_data(data)
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data, n = _sorted_data(data)
    return data[n // 2] if n % 2 == 1 else data[n // 2 - 1]


def median_high(data):
    data, n = _sorted_data(data)
    return data[n // 2]


def mode(data):
    pairs = Counter(iter(data)).most_common(1)
    try:
        return pairs[0][0]
    except IndexError:
        raise StatisticsError('no mode for empty data') from None


def multimode(data):
    counts = Counter(iter(data))
    if not counts:
        return []
    maxcount = max(counts.values())
    return [value for value, count in counts.items() if count == maxcount]


def quantiles(data, *, n=4, method='exclusive'):
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError('must have at least two data points')
    if method == 'inclusive':
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            result.append((data[j] * (n - delta) + data[j + 1] * delta) / n)
        return result
    if method == 'exclusive':
        m = ld + 1
        result = []
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            result.append((data[j - 1] * (n - delta) + data[j] * delta) / n)
        return result
    raise ValueError('Unknown method: %r' % (method,))


def _ratio_div(ss, k):
    return _div_int(ss, k) if type(ss) is tuple else ss / k


def variance(data, xbar=None):
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('variance requires at least two data points')
    return _convert(_ratio_div(ss, n - 1), T)


def pvariance(data, mu=None):
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pvariance requires at least one data point')
    return _convert(_ratio_div(ss, n), T)


def stdev(data, xbar=None):
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('stdev requires at least two data points')
    return _sqrt(_ratio_div(ss, n - 1))


def pstdev(data, mu=None):
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pstdev requires at least one data point')
    return _sqrt(_ratio_div(ss, n))
"""#
}
