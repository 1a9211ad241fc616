/// The floating-point dtype creation functions, Python floats and integer division produce
/// (`torch.get_default_dtype()` / `torch.set_default_dtype()`): per thread, as GradMode.
public enum DefaultDType {
    private static let state = ThreadValue(DType.float32)

    /// float32 unless `torch.set_default_dtype(torch.float64)` was called.
    public static var current: DType {
        get { state.value }
        set { state.value = newValue }
    }
}
