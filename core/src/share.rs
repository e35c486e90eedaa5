//! Shares written as percentages, computed and rounded one way everywhere: tenths of a percent,
//! rounded half up, printed with one decimal ("58.5%", "117.2%", "12.0%").

use alloc::format;
use alloc::string::String;

/// `part / whole` in tenths of a percent, rounded half up; 0 when `whole` is 0.
pub fn permille(part: u128, whole: u128) -> u128 {
    if whole == 0 {
        return 0;
    }
    part.saturating_mul(2000).saturating_add(whole) / whole.saturating_mul(2)
}

/// Tenths of a percent as text: `585` is "58.5%".
pub fn permille_text(permille: u128) -> String {
    format!("{}.{}%", permille / 10, permille % 10)
}

/// `part / whole` as a percentage with one decimal, rounded half up.
pub fn percent(part: u128, whole: u128) -> String {
    permille_text(permille(part, whole))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_round_half_up_to_one_decimal() {
        assert_eq!(percent(300, 256), "117.2%");
        assert_eq!(percent(150, 256), "58.6%");
        assert_eq!(percent(117, 200), "58.5%");
        assert_eq!(percent(3, 25), "12.0%");
        assert_eq!(percent(1, 3), "33.3%");
        assert_eq!(percent(2, 3), "66.7%");
        assert_eq!(percent(1, 0), "0.0%");
        assert_eq!(permille(1, 2000), 1);
        assert_eq!(permille(1, 2001), 0);
    }
}
