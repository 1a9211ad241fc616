# generator expressions and comprehensions made in a helper module use the module's globals
import scaler_helper
SCALE = -1
gen = scaler_helper.scaled([1, 2])
print(next(gen), list(gen), scaler_helper.scaled_list([3]), SCALE, scaler_helper.SCALE)
scaler_helper.SCALE = 2
print(list(scaler_helper.scaled([4])), sum(scaler_helper.scaled(range(3))))
