//! Times and dates as stored in files, limited to a sane range.
//!
//! chrono reads years far beyond any meeting (up to 262143), and arithmetic
//! on such a time overflows. A file is a document about real meetings, so
//! load refuses anything outside 1900–9999 with the usual file:line:col
//! message, and nothing downstream can overflow.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Date, Timestamp};

/// The years a stored time or date may have.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=9999;

fn in_range<E: serde::de::Error>(year: i32) -> Result<(), E> {
    if YEARS.contains(&year) {
        Ok(())
    } else {
        Err(E::custom(format!(
            "year {year} is out of range: expected a year from {} to {}",
            YEARS.start(),
            YEARS.end()
        )))
    }
}

/// `#[serde(with = "time::stamp")]` on a `Timestamp` field.
pub mod stamp {
    use super::*;
    use chrono::Datelike;

    pub fn serialize<S: Serializer>(value: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
        value.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        let value = Timestamp::deserialize(d)?;
        in_range::<D::Error>(value.year())?;
        Ok(value)
    }
}

/// `#[serde(with = "time::opt_stamp")]` on an `Option<Timestamp>` field.
pub mod opt_stamp {
    use super::*;

    pub fn serialize<S: Serializer>(value: &Option<Timestamp>, s: S) -> Result<S::Ok, S::Error> {
        value.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Timestamp>, D::Error> {
        #[derive(Deserialize)]
        #[serde(transparent)]
        struct Checked(#[serde(with = "super::stamp")] Timestamp);
        Ok(Option::<Checked>::deserialize(d)?.map(|c| c.0))
    }
}

/// `#[serde(with = "time::date")]` on a `Date` field.
pub mod date {
    use super::*;
    use chrono::Datelike;

    pub fn serialize<S: Serializer>(value: &Date, s: S) -> Result<S::Ok, S::Error> {
        value.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let value = Date::deserialize(d)?;
        in_range::<D::Error>(value.year())?;
        Ok(value)
    }
}

/// `#[serde(with = "time::opt_date")]` on an `Option<Date>` field.
pub mod opt_date {
    use super::*;

    pub fn serialize<S: Serializer>(value: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        value.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        #[derive(Deserialize)]
        #[serde(transparent)]
        struct Checked(#[serde(with = "super::date")] Date);
        Ok(Option::<Checked>::deserialize(d)?.map(|c| c.0))
    }
}

/// `at` plus `seconds`, or `at` itself where that would leave chrono's range
/// (never for a loaded time, which is within [`YEARS`]).
pub fn add_seconds(at: Timestamp, seconds: i64) -> Timestamp {
    at.checked_add_signed(chrono::TimeDelta::seconds(seconds)).unwrap_or(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Serialize, Deserialize, PartialEq)]
    struct Holder {
        #[serde(with = "stamp")]
        at: Timestamp,
        #[serde(default, with = "opt_date")]
        due: Option<Date>,
    }

    #[test]
    fn times_in_range_round_trip_unchanged() {
        let text = r#"Holder(at:"2026-11-19T10:00:00+06:00",due:Some("2027-03-31"))"#;
        let h: Holder = ron::from_str(text).unwrap();
        assert_eq!(format!("Holder{}", ron::to_string(&h).unwrap()), text);
    }

    #[test]
    fn years_outside_the_range_are_refused() {
        for text in [
            r#"Holder(at:"+262142-12-31T23:59:59+06:00")"#,
            r#"Holder(at:"1899-12-31T23:59:59+06:00")"#,
            r#"Holder(at:"2026-11-19T10:00:00+06:00",due:Some("+12345-01-01"))"#,
        ] {
            let e = ron::from_str::<Holder>(text).unwrap_err();
            assert!(e.to_string().contains("out of range"), "{text}: {e}");
        }
    }

    #[test]
    fn adding_past_the_end_of_time_does_not_panic() {
        assert_eq!(add_seconds(Timestamp::MAX_UTC.fixed_offset(), 1), Timestamp::MAX_UTC);
    }
}
