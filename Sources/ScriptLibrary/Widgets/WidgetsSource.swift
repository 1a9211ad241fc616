import Script
/// `ipywidgets`, written in Recur script after ipywidgets 8 (`widget.py`, the widget
/// modules, `interaction.py`) over `_recur_comm`, one module in four parts.
package enum WidgetsSource {
    package static let ipywidgets = core + controls + containers + interaction
}
