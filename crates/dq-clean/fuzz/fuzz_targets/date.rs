//! Fuzzes the date and date-time parsers under each convention (day or month first,
//! Excel serial numbers accepted or not): no panic, and a valid output is ISO 8601 and
//! re-parses to itself.
#![no_main]

use dq_clean::date::{self, DateConvention, DateOrder, ExcelSerial};
use libfuzzer_sys::fuzz_target;

/// `YYYY-MM-DD` or `YYYY-MM` (month precision).
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let ym = (0..4).all(digit) && b.get(4) == Some(&b'-') && digit(5) && digit(6);
    ym && (b.len() == 7 || (b.len() == 10 && b.get(7) == Some(&b'-') && digit(8) && digit(9)))
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    for order in [DateOrder::DayFirst, DateOrder::MonthFirst] {
        for excel in [ExcelSerial::Reject, ExcelSerial::Accept] {
            let mut c = DateConvention::new(order);
            c.excel_serial(excel);
            if let Some(out) = date::parse_date_with(s, &c).value() {
                assert!(is_iso_date(out), "{s:?} → {out:?}");
                assert_eq!(date::parse_date_with(out, &c).value(), Some(out));
            }
            if let Some(out) = date::parse_datetime_with(s, &c).value() {
                assert_eq!(date::parse_datetime_with(out, &c).value(), Some(out), "{s:?}");
            }
        }
    }
});
