//! The page's components. Each renders props and reports user actions through callbacks. Those
//! without state of their own are plain functions of their props (a component costs the wasm
//! its lifecycle code).

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

pub use context_panel::{context_panel, ContextPanelProps, CONTEXT_PANEL_ID};
pub use example_picker::{example_picker, ExamplePickerProps};
pub use finding_list::{finding_list, FindingListProps};
pub use input_panel::InputPanel;
pub use next_steps::{next_steps, NextStepsProps};
pub use output_panel::OutputPanel;
pub use pictures::{pictures, PicturesProps};
pub use redaction_panel::{redaction_panel, RedactionPanelProps};
pub use results_summary::{results_summary, ResultsSummaryProps};
pub use share_panel::{share_panel, SharePanelProps};
