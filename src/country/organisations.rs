//! International organisations as built-in actors, curated by hand for this
//! crate (facts only: each organisation's common code, English name, the
//! zone of its headquarters and the title of its head, as the organisations
//! publish them).
//!
//! Their codes are never ISO 3166-1 codes, nor in the user-assigned ranges
//! (`AA`, `QM`–`QZ`, `XA`–`XZ`, `ZZ`) that documents use for declared
//! actors, so a document that declared, say, `XA` for ASEAN still reads.
//! The African Union is `AUC` (its Commission), since `AU` is Australia.

use chrono_tz::Tz;

use super::CountryData;

/// An organisation row: its data as a country, and the title of its head.
pub(crate) struct Organisation {
    pub(crate) data: CountryData,
    pub(crate) head_title: Option<&'static str>,
}

macro_rules! orgs {
    ($($code:literal, $name:literal, $formal:literal, $zone:expr, $head:expr;)*) => {
        /// Every built-in organisation, sorted by code.
        pub(crate) static ORGANISATIONS: &[Organisation] = &[
            $(Organisation {
                data: CountryData {
                    alpha2: $code,
                    alpha3: None,
                    numeric: None,
                    name: $name,
                    formal_name: Some($formal),
                    capital_zone: $zone,
                    zones: &[$zone],
                },
                head_title: $head,
            },)*
        ];
    };
}

orgs! {
    "ASEAN", "ASEAN", "Association of Southeast Asian Nations", Tz::Asia__Jakarta, Some("Secretary-General of ASEAN");
    "AUC", "African Union", "African Union", Tz::Africa__Addis_Ababa, Some("Chairperson of the African Union Commission");
    "CARICOM", "CARICOM", "Caribbean Community", Tz::America__Guyana, Some("Secretary-General of CARICOM");
    "G20", "G20", "Group of Twenty", Tz::UTC, None;
    "G7", "G7", "Group of Seven", Tz::UTC, None;
    "GCC", "GCC", "Gulf Cooperation Council", Tz::Asia__Riyadh, Some("Secretary General of the GCC");
    "IAEA", "IAEA", "International Atomic Energy Agency", Tz::Europe__Vienna, Some("Director General of the IAEA");
    "ICC", "International Criminal Court", "International Criminal Court", Tz::Europe__Amsterdam, Some("President of the International Criminal Court");
    "ICRC", "ICRC", "International Committee of the Red Cross", Tz::Europe__Zurich, Some("President of the ICRC");
    "IEA", "IEA", "International Energy Agency", Tz::Europe__Paris, Some("Executive Director of the IEA");
    "IMF", "IMF", "International Monetary Fund", Tz::America__New_York, Some("Managing Director of the IMF");
    "IOM", "IOM", "International Organization for Migration", Tz::Europe__Zurich, Some("Director General of IOM");
    "NATO", "NATO", "North Atlantic Treaty Organization", Tz::Europe__Brussels, Some("NATO Secretary General");
    "OAS", "OAS", "Organization of American States", Tz::America__New_York, Some("Secretary General of the OAS");
    "OECD", "OECD", "Organisation for Economic Co-operation and Development", Tz::Europe__Paris, Some("Secretary-General of the OECD");
    "OSCE", "OSCE", "Organization for Security and Co-operation in Europe", Tz::Europe__Vienna, Some("Secretary General of the OSCE");
    "PIF", "Pacific Islands Forum", "Pacific Islands Forum", Tz::Pacific__Fiji, Some("Secretary General of the Pacific Islands Forum");
    "UN", "United Nations", "United Nations", Tz::America__New_York, Some("Secretary-General of the United Nations");
    "UNHCR", "UNHCR", "Office of the United Nations High Commissioner for Refugees", Tz::Europe__Zurich, Some("United Nations High Commissioner for Refugees");
    "UNICEF", "UNICEF", "United Nations Children's Fund", Tz::America__New_York, Some("Executive Director of UNICEF");
    "WBG", "World Bank Group", "World Bank Group", Tz::America__New_York, Some("President of the World Bank Group");
    "WEF", "World Economic Forum", "World Economic Forum", Tz::Europe__Zurich, Some("President of the World Economic Forum");
    "WHO", "WHO", "World Health Organization", Tz::Europe__Zurich, Some("Director-General of the WHO");
    "WTO", "WTO", "World Trade Organization", Tz::Europe__Zurich, Some("Director-General of the WTO");
}

/// The organisation with this code (uppercase).
pub(crate) fn find(code: &str) -> Option<&'static Organisation> {
    ORGANISATIONS
        .binary_search_by(|o| o.data.alpha2.cmp(code))
        .ok()
        .and_then(|i| ORGANISATIONS.get(i))
}
