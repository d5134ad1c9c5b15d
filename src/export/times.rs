//! Durations and shares as the minutes write them: in the interface
//! language's own words, so agenda time (`1 ч 05 мин`) and speaking time
//! (`7 мин 29 с`) can never be read one for the other.

use chrono::TimeDelta;

use crate::i18n::targs;

/// Agenda time to the minute: `38 min`, `1 h 05 min`.
pub fn minutes(d: TimeDelta) -> String {
    let total = d.num_minutes().max(0);
    if total < 60 {
        targs("export-duration-min", &[("minutes", total.into())])
    } else {
        targs(
            "export-duration-h-min",
            &[("hours", (total / 60).into()), ("minutes", format!("{:02}", total % 60).into())],
        )
    }
}

/// Speaking time to the second: `7 min 29 s`, `1 h 02 min 05 s`.
pub fn seconds(d: TimeDelta) -> String {
    let total = d.num_seconds().max(0);
    let (hours, minutes, seconds) = (total / 3600, total / 60 % 60, total % 60);
    if hours > 0 {
        targs(
            "export-duration-h-min-s",
            &[
                ("hours", hours.into()),
                ("minutes", format!("{minutes:02}").into()),
                ("seconds", format!("{seconds:02}").into()),
            ],
        )
    } else {
        targs(
            "export-duration-min-s",
            &[("minutes", minutes.into()), ("seconds", format!("{seconds:02}").into())],
        )
    }
}

/// Whole-percent shares of `parts` that add up to exactly 100 (when the
/// total is positive): each part gets its rounded-down share, and the
/// points still missing go to the largest remainders (ties: the earlier
/// part). Negative parts count as zero.
pub fn shares(parts: &[i64]) -> Vec<u32> {
    let parts: Vec<u128> = parts.iter().map(|p| u128::try_from(*p).unwrap_or(0)).collect();
    let total: u128 = parts.iter().sum();
    if total == 0 {
        return vec![0; parts.len()];
    }
    let mut shares: Vec<u32> = parts.iter().map(|p| (p * 100 / total) as u32).collect();
    let mut by_remainder: Vec<usize> = (0..parts.len()).collect();
    by_remainder.sort_by_key(|&i| std::cmp::Reverse(parts[i] * 100 % total));
    let missing = 100 - shares.iter().sum::<u32>();
    for &i in by_remainder.iter().take(missing as usize) {
        shares[i] += 1;
    }
    shares
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn thirds_round_to_a_full_hundred_the_largest_remainder_first() {
        assert_eq!(shares(&[1, 1, 1]), [34, 33, 33]);
        assert_eq!(shares(&[449, 98, 453]), [45, 10, 45]);
        assert_eq!(shares(&[0, 0]), [0, 0]);
    }

    proptest! {
        #[test]
        fn shares_add_up_to_a_hundred_whenever_anyone_spoke(
            parts in proptest::collection::vec(0i64..100_000, 1..12)
        ) {
            let shares = shares(&parts);
            let total: i64 = parts.iter().sum();
            prop_assert_eq!(shares.iter().sum::<u32>(), if total > 0 { 100 } else { 0 });
            // Each share is its exact share rounded down or up, never further off.
            for (part, share) in parts.iter().zip(&shares) {
                if total > 0 {
                    let exact = *part as f64 * 100.0 / total as f64;
                    prop_assert!((f64::from(*share) - exact).abs() < 1.0);
                }
            }
        }
    }
}
