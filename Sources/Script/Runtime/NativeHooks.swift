/// What the language core asks of native objects that libraries built on it define
/// (tensors, layers, optimizers, arrays): the parts of Python's object protocol beyond
/// `ScriptObject`'s that `copy`, the cycle collector, dict keys and unpacking need. The core
/// asks through these protocols and never names a library's types.

/// A native object `copy.copy` and `copy.deepcopy` know how to copy.
package protocol CopyableObject: ScriptObject {
    /// `copy.copy(self)`.
    func shallowCopy(interpreter: Interpreter) throws(ScriptError) -> Value
    /// `copy.deepcopy(self)` through `copier`; the caller puts the copy in the memo under `key`
    /// (an object its own parts can refer back to puts it there first, as the optimizer does).
    func deepCopy(_ copier: CopyModule.Copier, key: Value) throws(ScriptError) -> Value
    /// The identity the copy is memoised under when it is not the object's own (a wrapper
    /// made afresh on each read memoises as what it wraps).
    var memoIdentity: ObjectIdentifier? { get }
}

extension CopyableObject {
    package var memoIdentity: ObjectIdentifier? { nil }
}

/// The library state behind an instance of a script class with a library base class (an
/// `nn.Module` subclass's registry of parameters and children): `InstanceObject.native`.
package protocol InstanceNative: AnyObject {
    /// `copy.copy(instance)`.
    func shallowCopy(of instance: InstanceObject, interpreter: Interpreter) throws(ScriptError) -> Value
    /// `copy.deepcopy(instance)`; the copy goes into the memo under `key` before its parts.
    func deepCopy(of instance: InstanceObject, _ copier: CopyModule.Copier, key: Value) throws(ScriptError) -> Value
    /// The script values the state holds that only it owns (the cycle collector's edges).
    func visitReferences(_ visit: (CycleEdge) -> Void)
    /// Drops those references (the collector breaking a cycle).
    func clearReferences()
    /// The instance's rich display beside its repr (a model's HTML summary).
    func richDisplay(of instance: InstanceObject, interpreter: Interpreter) -> [(mime: String, data: String)]
}

/// A native value that hashes, compares and orders as a plain Python value (a NumPy scalar
/// as the number it holds: `d[np.int64(3)]` finds `d[3]`).
package protocol NumberLikeObject: ScriptObject {
    var pythonValue: Value { get }
}

/// A native container that cannot be a dict key or set member (an ndarray).
package protocol UnhashableObject: ScriptObject {}

/// A native object that unpacks into a fixed list of values without being iterated
/// (`_, idx = t.max(dim=1)`).
package protocol UnpackableObject: ScriptObject {
    func unpacked(interpreter: Interpreter) -> [Value]
}

/// A native object whose `x op= y` writes into itself (tensors, arrays) given the
/// out-of-place `result`; nil lets the name be rebound to the result.
package protocol InPlaceObject: ScriptObject {
    func inPlace(_ op: BinaryOp, _ operand: Value, result: Value, interpreter: Interpreter) throws(ScriptError) -> Value?
}

/// A native object with its own `int(x)` (CPython's `__int__` slot), which may differ from
/// `__index__`: `int(torch.tensor(2.7))` truncates, where indexing refuses a float tensor.
package protocol IntConvertibleObject: ScriptObject {
    /// `int(self)`; nil to fall back to `__index__`, then to truncating `float(self)`.
    func int(interpreter: Interpreter) throws(ScriptError) -> Value?
}

/// A native object's `sys.getsizeof`.
package protocol SizedObject: ScriptObject {
    var sizeInBytes: Int { get }
}
