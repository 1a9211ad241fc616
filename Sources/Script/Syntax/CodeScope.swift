/// How one occurrence of a name is found at run time, decided before the code runs.
package enum NameResolution: Sendable, Equatable {
    /// Module code, class bodies and code parsed at run time: the scope decides by name.
    case dynamic
    /// A slot of the function's frame.
    case local(Int)
    /// A cell of the frame: a variable inner functions share, or one captured from outside.
    case cell(Int)
    /// A module-level name (declared `global`, or bound by no enclosing function).
    case global
}

/// Where the names of one block of code (a function, lambda, generator expression or class
/// body) live, worked out by the `Resolver` before the code runs (CPython's symbol table).
package final class CodeScope: @unchecked Sendable {
    package enum Kind: Sendable {
        case module, function, classBody
    }

    package let kind: Kind
    /// Function frames: how many local slots a call needs (parameters first).
    private(set) var localCount = 0
    /// Variables of this block that inner functions capture (cells made on entry), then the
    /// variables it captures from the block that defines it (cells it is given).
    private(set) var cellNames: [String] = []
    private(set) var freeNames: [String] = []
    /// For each captured variable: the index of its cell in the defining block's frame.
    private(set) var freeSources: [Int] = []
    /// Every name bound or read in the block, by name (binding by name, and code parsed later).
    private(set) var names: [String: NameResolution] = [:]
    /// Where each parameter's value goes.
    private(set) var parameterTargets: [NameResolution] = []
    /// Whether parameter `i` lives in local slot `i` for every parameter (no cells): a call
    /// then writes its arguments straight into the slots.
    private(set) var parametersInSlotOrder = false

    /// A finished call's frame kept for the next call of this block, so a call allocates no
    /// frame (recursion and frames still referenced get new ones). Only frames of blocks
    /// without cells are kept. @unchecked Sendable: a block's frames are made and recycled
    /// by the one interpreter running it.
    var spareFrame: Scope?

    /// Whether a finished frame of this block can serve the next call: nothing can refer to
    /// its variables once the call returns.
    var recyclesFrames: Bool { kind == .function && cellNames.isEmpty && freeNames.isEmpty }

    init(kind: Kind) {
        self.kind = kind
    }

    func resolution(of name: String) -> NameResolution? { names[name] }

    /// Records what the resolver worked out (once, before the block runs).
    package func fill(localCount: Int, cellNames: [String], freeNames: [String], names: [String: NameResolution],
              parameterTargets: [NameResolution]) {
        self.localCount = localCount
        self.cellNames = cellNames
        self.freeNames = freeNames
        self.names = names
        self.parameterTargets = parameterTargets
        parametersInSlotOrder = parameterTargets.indices.allSatisfy { i in
            if case .local(let slot) = parameterTargets[i] { return slot == i }
            return false
        }
    }

    func setFreeSources(_ sources: [Int]) {
        freeSources = sources
    }
}
