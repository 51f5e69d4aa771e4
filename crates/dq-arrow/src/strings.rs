//! String arrays in (Utf8, LargeUtf8, Utf8View, and the all-null Null type), string
//! arrays out, without copying the input strings.

use std::sync::Arc;

use arrow_array::builder::{LargeStringBuilder, StringBuilder, StringViewBuilder};
use arrow_array::{Array, ArrayRef, LargeStringArray, NullArray, StringArray, StringViewArray};
use arrow_schema::DataType;

use crate::Error;

/// A borrowed view of a string array, whichever of Arrow's string layouts it has. The
/// kernels read each value as a `&str` pointing into the array's own buffer.
///
/// # Example
///
/// ```
/// use arrow_array::StringArray;
/// use dq_arrow::Strings;
/// let a = StringArray::from(vec![Some("75056"), None]);
/// let s = Strings::try_new(&a, "values")?;
/// assert_eq!((s.len(), s.get(0), s.get(1)), (2, Some("75056"), None));
/// # Ok::<(), dq_arrow::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub enum Strings<'a> {
    /// `Utf8`: 32-bit offsets.
    Utf8(&'a StringArray),
    /// `LargeUtf8`: 64-bit offsets.
    Large(&'a LargeStringArray),
    /// `Utf8View`: views with inline prefixes.
    View(&'a StringViewArray),
    /// `Null`: every value is null (what engines pass for an untyped `NULL` column).
    Null(usize),
}

impl<'a> Strings<'a> {
    /// Views `array` as strings, or says that `argument` has the wrong type.
    pub fn try_new(array: &'a dyn Array, argument: &'static str) -> Result<Strings<'a>, Error> {
        let any = array.as_any();
        if let Some(a) = any.downcast_ref::<StringArray>() {
            Ok(Strings::Utf8(a))
        } else if let Some(a) = any.downcast_ref::<LargeStringArray>() {
            Ok(Strings::Large(a))
        } else if let Some(a) = any.downcast_ref::<StringViewArray>() {
            Ok(Strings::View(a))
        } else if any.downcast_ref::<NullArray>().is_some() {
            Ok(Strings::Null(array.len()))
        } else {
            Err(Error::NotStrings { argument, data_type: array.data_type().clone() })
        }
    }

    /// The number of values.
    pub fn len(&self) -> usize {
        match self {
            Strings::Utf8(a) => a.len(),
            Strings::Large(a) => a.len(),
            Strings::View(a) => a.len(),
            Strings::Null(n) => *n,
        }
    }

    /// Whether there is no value.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The value at `i`, `None` when it is null or out of range.
    pub fn get(&self, i: usize) -> Option<&'a str> {
        if i >= self.len() {
            return None;
        }
        match self {
            Strings::Utf8(a) => a.is_valid(i).then(|| a.value(i)),
            Strings::Large(a) => a.is_valid(i).then(|| a.value(i)),
            Strings::View(a) => a.is_valid(i).then(|| a.value(i)),
            Strings::Null(_) => None,
        }
    }

    /// The Arrow type of the view.
    pub fn data_type(&self) -> DataType {
        match self {
            Strings::Utf8(_) => DataType::Utf8,
            Strings::Large(_) => DataType::LargeUtf8,
            Strings::View(_) => DataType::Utf8View,
            Strings::Null(_) => DataType::Null,
        }
    }

    /// Calls `f` on every value in order, the match on the layout done once.
    pub fn for_each(&self, mut f: impl FnMut(Option<&'a str>)) {
        match self {
            Strings::Utf8(a) => a.iter().for_each(f),
            Strings::Large(a) => a.iter().for_each(f),
            Strings::View(a) => a.iter().for_each(f),
            Strings::Null(n) => (0..*n).for_each(|_| f(None)),
        }
    }
}

/// Calls `f` on each pair `(left[i], right[i])` in order; the two arrays must have the
/// same length (see [`same_length`]). Arrays of one layout are walked by their own
/// iterators, the match on the layouts done once.
pub(crate) fn zip_each<'a>(
    left: &Strings<'a>,
    right: &Strings<'a>,
    mut f: impl FnMut(Option<&'a str>, Option<&'a str>),
) {
    match (left, right) {
        (Strings::Utf8(a), Strings::Utf8(b)) => a.iter().zip(b.iter()).for_each(|(x, y)| f(x, y)),
        (Strings::View(a), Strings::View(b)) => a.iter().zip(b.iter()).for_each(|(x, y)| f(x, y)),
        (Strings::Large(a), Strings::Large(b)) => a.iter().zip(b.iter()).for_each(|(x, y)| f(x, y)),
        _ => (0..left.len().min(right.len())).for_each(|i| f(left.get(i), right.get(i))),
    }
}

/// The type of a string result for an input of type `input`: the same layout (a `Null`
/// input gives `Utf8`).
pub fn output_type(input: &DataType) -> DataType {
    match input {
        DataType::LargeUtf8 => DataType::LargeUtf8,
        DataType::Utf8View => DataType::Utf8View,
        _ => DataType::Utf8,
    }
}

/// A builder of string results in one of Arrow's layouts.
#[derive(Debug)]
pub(crate) enum StrBuilder {
    Utf8(StringBuilder),
    Large(LargeStringBuilder),
    View(StringViewBuilder),
}

impl StrBuilder {
    /// A builder of `len` values of the layout [`output_type`] gives for `input`.
    pub(crate) fn new(input: &DataType, len: usize) -> StrBuilder {
        match output_type(input) {
            DataType::LargeUtf8 => StrBuilder::Large(LargeStringBuilder::with_capacity(len, 0)),
            DataType::Utf8View => StrBuilder::View(StringViewBuilder::with_capacity(len)),
            _ => StrBuilder::Utf8(StringBuilder::with_capacity(len, 0)),
        }
    }

    pub(crate) fn append(&mut self, v: Option<&str>) {
        match (self, v) {
            (StrBuilder::Utf8(b), Some(v)) => b.append_value(v),
            (StrBuilder::Utf8(b), None) => b.append_null(),
            (StrBuilder::Large(b), Some(v)) => b.append_value(v),
            (StrBuilder::Large(b), None) => b.append_null(),
            (StrBuilder::View(b), Some(v)) => b.append_value(v),
            (StrBuilder::View(b), None) => b.append_null(),
        }
    }

    pub(crate) fn finish(self) -> ArrayRef {
        match self {
            StrBuilder::Utf8(mut b) => Arc::new(b.finish()),
            StrBuilder::Large(mut b) => Arc::new(b.finish()),
            StrBuilder::View(mut b) => Arc::new(b.finish()),
        }
    }
}

/// Checks that two arguments have the same length.
pub(crate) fn same_length(left: &Strings<'_>, right: &Strings<'_>) -> Result<(), Error> {
    if left.len() == right.len() {
        Ok(())
    } else {
        Err(Error::LengthMismatch { left: left.len(), right: right.len() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The values the kernels read are slices of the array's own buffer, not copies.
    #[test]
    fn values_are_read_in_place() {
        let a = StringArray::from(vec![Some("552 100 554 00013"), None, Some("75056")]);
        let s = Strings::try_new(&a, "values").unwrap();
        let buf = a.values().as_slice().as_ptr_range();
        for i in [0, 2] {
            let v = s.get(i).unwrap();
            assert!(buf.contains(&v.as_ptr()), "{v:?} was copied");
        }
        let large = LargeStringArray::from(vec!["75056"]);
        let v = Strings::try_new(&large, "values").unwrap().get(0).unwrap();
        assert!(large.values().as_slice().as_ptr_range().contains(&v.as_ptr()));
        // A view longer than 12 bytes lives in a data buffer; a short one inline in the view.
        let view = StringViewArray::from(vec!["552 100 554 00013", "75056"]);
        let s = Strings::try_new(&view, "values").unwrap();
        let long = s.get(0).unwrap();
        assert!(view
            .data_buffers()
            .iter()
            .any(|b| b.as_slice().as_ptr_range().contains(&long.as_ptr())));
        let short = s.get(1).unwrap();
        let views = view.views().inner().as_slice().as_ptr_range();
        assert!(views.contains(&short.as_ptr()));
        let mut seen = Vec::new();
        s.for_each(|v| seen.push(v.map(|v| v.as_ptr())));
        assert_eq!(seen, vec![Some(long.as_ptr()), Some(short.as_ptr())]);
    }

    #[test]
    fn out_of_range_and_null_arrays_give_none() {
        let a = StringArray::from(vec!["x"]);
        assert_eq!(Strings::try_new(&a, "values").unwrap().get(5), None);
        let n = NullArray::new(2);
        let s = Strings::try_new(&n, "values").unwrap();
        assert_eq!((s.len(), s.get(0), s.data_type()), (2, None, DataType::Null));
    }
}
