import time
for v in [float('nan'), -1, -0.5, 9.3e9, 1e10, 1e300, float('inf'), -1e300, 9223372037, 9300000000, -9300000000,
          2**63, -2**63, 10**30]:
    try:
        time.sleep(v)
    except (ValueError, OverflowError) as e:
        print(repr(v), type(e).__name__, e)
time.sleep(0)
time.sleep(0.001)
print('done')
