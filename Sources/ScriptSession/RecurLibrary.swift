import Script
import ScriptLibrary
extension ModuleLibrary {
    /// Everything a Recur session can import: the standard library subset, PyTorch, NumPy,
    /// matplotlib, IPython's display and tqdm, and ipywidgets.
    static var recur: ModuleLibrary {
        ModuleLibrary([StandardLibrary.self, TorchLibrary.self, NumPyLibrary.self, PlotLibrary.self, DisplayLibrary.self,
                       WidgetsLibrary.self])
    }
}
