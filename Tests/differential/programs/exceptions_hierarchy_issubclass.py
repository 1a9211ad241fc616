pairs = [(ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError), (KeyError, LookupError),
         (IndexError, LookupError), (UnboundLocalError, NameError), (RecursionError, RuntimeError),
         (NotImplementedError, RuntimeError), (ModuleNotFoundError, ImportError),
         (FileNotFoundError, OSError), (IndentationError, SyntaxError), (StopIteration, Exception),
         (KeyboardInterrupt, Exception), (SystemExit, Exception), (KeyboardInterrupt, BaseException),
         (Exception, BaseException), (GeneratorExit, Exception)]
for a, b in pairs:
    print(a.__name__, b.__name__, issubclass(a, b))
