# random.seed with bytes and bytearray, hashed with SHA-512 as CPython does
import random
random.seed(b'abc')
print(random.random())
random.seed(bytearray(b'abc'))
print(random.random())
