//! The page's components. Each renders props and reports user actions through callbacks.

mod address_picture;
mod context_panel;
mod example_picker;
mod finding_list;
mod input_panel;
mod next_steps;
mod output_panel;
mod parts;
mod pictures;
mod redaction_panel;
mod results_summary;
mod share_panel;

pub use context_panel::{Ask, ContextPanel};
pub use example_picker::ExamplePicker;
pub use finding_list::FindingList;
pub use input_panel::InputPanel;
pub use next_steps::NextSteps;
pub use output_panel::OutputPanel;
pub use pictures::Pictures;
pub use redaction_panel::RedactionPanel;
pub use results_summary::ResultsSummary;
pub use share_panel::SharePanel;
