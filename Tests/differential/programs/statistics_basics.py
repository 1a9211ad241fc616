# statistics: means, medians, modes, quantiles, variances and standard deviations, exact as CPython's
import statistics as st
import random
data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
ints = [1, 2, 3, 4, 4]
print(st.mean(ints), st.mean([1, 2, 3]), st.mean(data), st.mean([0.1] * 10), st.mean([1e50, 1, -1e50] * 10), st.fmean(ints), st.fmean([1, 2], weights=[3, 1]))
print(st.median(ints), st.median([1, 3, 5, 7]), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.median(data))
print(st.mode([1, 1, 2, 3, 3, 3]), st.mode(['red', 'blue', 'blue']), st.multimode('aabbbbccddddeeffffgg'), st.multimode([]))
print(st.variance(data), st.pvariance(data), st.stdev(data), st.pstdev(data), st.variance(ints), st.pvariance(ints), st.variance([1, 2, 3, 4]))
print(st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.stdev(ints), st.pstdev([0.1, 0.2, 0.3]), st.variance(data, st.mean(data)))
print(st.geometric_mean([54, 24, 36]), st.harmonic_mean([40, 60]), st.harmonic_mean([40, 60], weights=[5, 30]), st.harmonic_mean([2.5, 3, 10]))
print(st.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129]),
      st.quantiles(range(1, 11), n=10), st.quantiles([1, 2, 3, 4], method='inclusive'))
random.seed(3)
sample = [random.gauss(5.0, 2.0) for _ in range(1000)]
print(st.mean(sample), st.stdev(sample), st.median(sample), st.variance(sample), st.pstdev(sample))
print(st.mean(x for x in range(5)), st.variance(iter([1.0, 2.0, 4.0])), st.mean([True, False, True]), type(st.mean([2, 4])).__name__)
def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: st.mean([]))
attempt(lambda: st.median([]))
attempt(lambda: st.mode([]))
attempt(lambda: st.variance([1]))
attempt(lambda: st.stdev([1]))
attempt(lambda: st.pvariance([]))
attempt(lambda: st.mean(['a']))
attempt(lambda: st.geometric_mean([1, -1]))
attempt(lambda: st.quantiles([1]))
attempt(lambda: st.harmonic_mean([-1, 2]))
print(issubclass(st.StatisticsError, ValueError))
