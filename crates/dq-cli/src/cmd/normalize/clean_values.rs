//! The kinds of `dq normalize` that dq-clean provides: value parsers.
//!
//! `number` answers `1234.56`; `date` answers `2021-03-12` (with `--excel-serial`,
//! bare integers are Excel serial numbers; with `--month-first`, `03/25/2021` is read
//! month first); `datetime` answers `2021-03-12T14:30:00`. Ambiguous values carry the
//! extra field `candidates`.

use dq_clean::date::{self, DateConvention, DateOrder, ExcelSerial};
use dq_clean::number;

use dq_clean::plan::Kind;

use super::{Answer, Args, KindFn};

/// Returns the normalizing function for `kind` when it is one of this crate's kinds.
pub fn lookup(kind: Kind, args: &Args) -> Option<KindFn> {
    let order = if args.month_first { DateOrder::MonthFirst } else { DateOrder::DayFirst };
    let mut conv = DateConvention::new(order);
    if args.excel_serial {
        conv.excel_serial(ExcelSerial::Accept);
    }
    match kind {
        Kind::Number => Some(Box::new(|v: &str| Answer::from_verdict(&number::parse(v)))),
        Kind::Date => {
            Some(Box::new(move |v: &str| Answer::from_verdict(&date::parse_date_with(v, &conv))))
        }
        Kind::DateTime => Some(Box::new(move |v: &str| {
            Answer::from_verdict(&date::parse_datetime_with(v, &conv))
        })),
        _ => None,
    }
}
