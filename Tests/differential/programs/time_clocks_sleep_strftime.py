# time: clocks move forward, sleep returns None, struct_time fields, strftime, asctime
import time
t0, p0, m0, n0 = time.time(), time.perf_counter(), time.monotonic(), time.time_ns()
print(time.sleep(0.01), time.sleep(0))
print(time.time() >= t0, time.perf_counter() > p0, time.monotonic() > m0, time.time_ns() > n0, type(time.perf_counter_ns()).__name__)
print(isinstance(time.process_time(), float), time.time() - t0 < 60)
g = time.gmtime(0)
print(g, g.tm_year, g[0], len(g), tuple(time.gmtime(86400 * 365.25 * 30))[:6])
print(time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime(1234567890)), time.strftime('%a %b %d %j %%', time.gmtime(0)))
print(time.asctime(time.gmtime(1234567890)), time.asctime(time.gmtime(0)))
print(time.localtime(1234567890) == time.localtime(1234567890), len(time.strftime('%H:%M')), type(time.localtime()).__name__)
print(time.strftime('%Y', (2020, 1, 2, 3, 4, 5, 3, 2, 0)))
for bad in (-1, float('nan')):
    try:
        time.sleep(bad)
    except ValueError as e:
        print('ValueError', e)
