//! The page's components. Each renders props and reports user actions through callbacks.

mod context_panel;
mod diff_view;
mod example_picker;
mod finding_list;
mod input_panel;

pub use context_panel::ContextPanel;
pub use diff_view::DiffView;
pub use example_picker::ExamplePicker;
pub use finding_list::FindingList;
pub use input_panel::InputPanel;
