use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A stable, globally unique id (a ULID), created once and never reused.
/// Written in files as its 26-character text form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id(pub ulid::Ulid);

impl Id {
    /// A new id from the wall clock plus randomness, so two note-takers on
    /// two laptops never produce the same one.
    pub fn new() -> Id {
        Id(ulid::Ulid::new())
    }

    pub fn from_parts(millis: u64, random: u128) -> Id {
        Id(ulid::Ulid::from_parts(millis, random))
    }

    pub fn to_bytes(self) -> [u8; 16] {
        self.0.to_bytes()
    }
}

impl Default for Id {
    fn default() -> Self {
        Id::new()
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl FromStr for Id {
    type Err = ulid::DecodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ulid::Ulid::from_string(s).map(Id)
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0.to_string())
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(|_| {
            serde::de::Error::custom(format!(
                "expected an id (26 letters and digits, a ULID such as \"01M7RT7D20PJ27P8FF5V5MK8NH\"), found {text:?}"
            ))
        })
    }
}
