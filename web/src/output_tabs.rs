//! The corrected-output panel's tabs as pure data: the views, the one a screen opens on, and the
//! keyboard moves between them (ARIA tabs: arrows wrap around, Home and End jump to the ends).

/// The views: (id, label). The id names the tab (`#tab-<id>`) and its panel (`#panel-<id>`).
pub const TABS: [(&str, &str); 3] = [
    ("unified", "Unified diff"),
    ("split", "Side by side"),
    ("corrected", "Corrected text"),
];

/// The viewport width from which the side-by-side view is the first tab shown.
pub const WIDE_SCREEN_PX: f64 = 1000.0;

/// The tab shown first for a viewport `width` CSS pixels wide: side by side when it has room.
pub fn default_tab(width: f64) -> usize {
    if width >= WIDE_SCREEN_PX {
        1
    } else {
        0
    }
}

/// The tab a key moves to from tab `current`, or `None` when the key does not move.
pub fn tab_after_key(current: usize, key: &str) -> Option<usize> {
    let count = TABS.len();
    match key {
        "ArrowRight" => Some((current + 1) % count),
        "ArrowLeft" => Some((current + count - 1) % count),
        "Home" => Some(0),
        "End" => Some(count - 1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_screens_open_on_the_side_by_side_view_and_narrow_ones_on_the_unified_diff() {
        assert_eq!(TABS[default_tab(1280.0)].0, "split");
        assert_eq!(TABS[default_tab(1000.0)].0, "split");
        assert_eq!(TABS[default_tab(999.0)].0, "unified");
        assert_eq!(TABS[default_tab(375.0)].0, "unified");
        assert_eq!(TABS[default_tab(0.0)].0, "unified");
    }

    #[test]
    fn arrows_wrap_around_and_home_and_end_jump_to_the_ends() {
        assert_eq!(tab_after_key(0, "ArrowRight"), Some(1));
        assert_eq!(tab_after_key(2, "ArrowRight"), Some(0));
        assert_eq!(tab_after_key(0, "ArrowLeft"), Some(2));
        assert_eq!(tab_after_key(1, "Home"), Some(0));
        assert_eq!(tab_after_key(0, "End"), Some(2));
        assert_eq!(tab_after_key(1, "Enter"), None);
    }
}
