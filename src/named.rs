//! One way to write a named enum: a fieldless public enum whose values each
//! have one text form, used by `Display`, `FromStr`, serde and the JSON
//! document alike.
//!
//! Every such enum of the crate is written with [`named_enum!`]: the model's
//! vocabularies (`Mode`, `MeetingForm`, verbs, topic categories), the time
//! policies, the error kinds and the export codes (which keep their standards'
//! spellings: PLOVER `CONSULT`, CAMEO `044`).

use crate::error::{Detail, Error, echo};

/// The error for a text that names no value of an enum: the value, the
/// names that exist and, when the text differs from one only in case, in
/// `-` or a space for `_`, that name as the likely fix.
pub(crate) fn unknown_name(what: &'static str, value: &str, names: &[&str]) -> Error {
    let folded = fold(value);
    let close = names.iter().find(|n| fold(n) == folded);
    let reason = match close {
        Some(n) => format!("did you mean {n:?}? expected one of {}", names.join(", ")),
        None => format!("expected one of {}", names.join(", ")),
    };
    Error::new(Detail::InvalidValue {
        what,
        value: echo(value),
        reason,
    })
}

/// Lowercase, with `-` and spaces read as `_`, for suggestions only.
fn fold(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| match c {
            '-' | ' ' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Defines a public, `#[non_exhaustive]`, `Copy` enum whose values each
/// have one text form, with `ALL`, `as_str`, `parse`, `Display`, `FromStr`
/// and, under the `serde` feature, `Serialize` and `Deserialize`.
///
/// ```text
/// named_enum! {
///     /// Docs of the enum.
///     pub enum Mode ("mode", "diplomeet::Mode") {
///         /// Docs of the value.
///         InPerson = "in_person" | "in-person",   // text form, then older spellings still read
///         Telephone = "telephone",
///     }
/// }
/// ```
///
/// A second form, `pub enum Verb ("verb", "diplomeet::Verb") with phrases { Stated =
/// "stated" ["stated"], ... }`, also gives each value a `phrase()` (the
/// words a readout uses), which `FromStr` reads too.
macro_rules! named_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident ($what:literal, $path:literal) with phrases {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $text:literal [$phrase:literal] $(| $alias:literal)*
            ),* $(,)?
        }
    ) => {
        $crate::named::named_enum! {
            $(#[$meta])*
            $vis enum $name ($what, $path) {
                $( $(#[$vmeta])* $variant = $text | $phrase $(| $alias)* ),*
            }
        }

        impl $name {
            /// The words a readout uses for this value, as they sit in a
            /// sentence ("shared the view"); [`FromStr`](std::str::FromStr)
            /// reads them back.
            ///
            #[doc = "```"]
            #[doc = concat!("use ", $path, ";")]
            #[doc = ""]
            #[doc = concat!("for value in ", stringify!($name), "::ALL {")]
            #[doc = concat!("    assert_eq!(value.phrase().parse::<", stringify!($name), ">()?, *value);")]
            #[doc = "}"]
            #[doc = "# Ok::<(), diplomeet::Error>(())"]
            #[doc = "```"]
            pub const fn phrase(self) -> &'static str {
                match self {
                    $($name::$variant => $phrase,)*
                }
            }
        }
    };
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident ($what:literal, $path:literal) {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $text:literal $(| $alias:literal)*
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[non_exhaustive]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )*
        }

        impl $name {
            /// Every value, in declaration order.
            ///
            #[doc = "```"]
            #[doc = concat!("use ", $path, ";")]
            #[doc = ""]
            #[doc = concat!("for value in ", stringify!($name), "::ALL {")]
            #[doc = "    // One text form: `as_str`, `Display` and `FromStr` agree."]
            #[doc = "    assert_eq!(value.to_string(), value.as_str());"]
            #[doc = concat!("    assert_eq!(value.as_str().parse::<", stringify!($name), ">()?, *value);")]
            #[doc = "}"]
            #[doc = "# Ok::<(), diplomeet::Error>(())"]
            #[doc = "```"]
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The text form of each value, in the order of [`ALL`](Self::ALL).
            pub const NAMES: &'static [&'static str] = &[$($text,)*];

            /// The text form, as `Display`, serde and the JSON document
            /// write it.
            ///
            #[doc = "```"]
            #[doc = concat!("use ", $path, ";")]
            #[doc = ""]
            #[doc = concat!("for (value, name) in ", stringify!($name), "::ALL.iter().zip(", stringify!($name), "::NAMES) {")]
            #[doc = "    assert_eq!(value.as_str(), *name);"]
            #[doc = "}"]
            #[doc = "```"]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }

            /// Reads the text form, or an older spelling that is still
            /// read.
            ///
            /// # Errors
            ///
            /// [`ErrorKind::InvalidValue`](crate::ErrorKind::InvalidValue)
            /// naming the text and listing the names that exist (with the
            /// likely one first when only case or `-` differ).
            ///
            #[doc = "```"]
            #[doc = concat!("use ", $path, ";")]
            #[doc = ""]
            #[doc = concat!("let err = ", stringify!($name), "::parse(\"no such name\").unwrap_err();")]
            #[doc = "assert_eq!(err.kind(), diplomeet::ErrorKind::InvalidValue);"]
            #[doc = "assert!(err.to_string().contains(\"no such name\"));"]
            #[doc = "```"]
            pub fn parse(text: &str) -> Result<Self, $crate::Error> {
                // A phrase may equal the text form: the repeat is harmless.
                #[allow(unreachable_patterns)]
                match text {
                    $($text $(| $alias)* => Ok($name::$variant),)*
                    other => Err($crate::named::unknown_name($what, other, Self::NAMES)),
                }
            }
        }

        impl ::std::fmt::Display for $name {
            /// The text form ([`as_str`](Self::as_str)).
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::Error;

            /// As [`parse`](Self::parse).
            fn from_str(text: &str) -> Result<Self, $crate::Error> {
                $name::parse(text)
            }
        }

        #[cfg(feature = "serde")]
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_str($crate::named::NameVisitor::<$name>::new($what, $name::parse))
            }
        }
    };
}

pub(crate) use named_enum;

/// Reads a named enum from a string without allocating.
#[cfg(feature = "serde")]
pub(crate) struct NameVisitor<T> {
    what: &'static str,
    parse: fn(&str) -> Result<T, Error>,
}

#[cfg(feature = "serde")]
impl<T> NameVisitor<T> {
    pub(crate) fn new(what: &'static str, parse: fn(&str) -> Result<T, Error>) -> Self {
        NameVisitor { what, parse }
    }
}

#[cfg(feature = "serde")]
impl<T> serde::de::Visitor<'_> for NameVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a {} name (a string)", self.what)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
        (self.parse)(v).map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn unknown_names_suggest_the_close_one() {
        let e = unknown_name("mode", "In-Person", &["in_person", "telephone"]);
        assert_eq!(e.kind(), ErrorKind::InvalidValue);
        let text = e.to_string();
        assert!(text.contains("\"In-Person\""), "{text}");
        assert!(text.contains("did you mean \"in_person\""), "{text}");
        let e = unknown_name("mode", "fax", &["in_person", "telephone"]);
        assert!(!e.to_string().contains("did you mean"), "{e}");
        assert!(e.to_string().contains("in_person, telephone"), "{e}");
    }
}
