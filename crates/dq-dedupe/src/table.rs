//! A table of string cells in compact column storage.

use std::io::Read;

use crate::error::Error;

/// One column: all cells in one buffer, with their end offsets.
#[derive(Debug, Clone, Default)]
pub(crate) struct Column {
    buf: String,
    ends: Vec<usize>,
}

impl Column {
    pub(crate) fn push(&mut self, s: &str) {
        self.buf.push_str(s);
        self.ends.push(self.buf.len());
    }

    /// The number of cells.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    pub(crate) fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends.get(i - 1).copied().unwrap_or(0) };
        let end = self.ends.get(i).copied().unwrap_or(start);
        self.buf.get(start..end).unwrap_or("")
    }
}

/// The delimiter found most often outside quotes in the first line (`,` on a tie or
/// when none is).
fn header_delimiter(bytes: &[u8]) -> u8 {
    let mut counts = [0usize; 4];
    let candidates = [b',', b';', b'\t', b'|'];
    let mut quoted = false;
    for &b in bytes.iter().take_while(|&&b| b != b'\n') {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            if let Some(i) = candidates.iter().position(|&c| c == b) {
                if let Some(n) = counts.get_mut(i) {
                    *n += 1;
                }
            }
        }
    }
    let mut best = (0usize, b',');
    for (&c, &n) in candidates.iter().zip(&counts) {
        if n > best.0 {
            best = (n, c);
        }
    }
    best.1
}

/// A table of text cells: a header and rows, stored column by column.
///
/// # Example
///
/// ```
/// use dq_dedupe::Table;
///
/// let csv = "siret,nom\n35600000000048,La Poste\n";
/// let table = Table::from_csv_reader(csv.as_bytes())?;
/// assert_eq!(table.len(), 1);
/// assert_eq!(table.cell(0, 1), "La Poste");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Table {
    headers: Vec<String>,
    columns: Vec<Column>,
    rows: usize,
}

impl Table {
    /// Creates an empty table with these column names.
    ///
    /// # Example
    ///
    /// ```
    /// let t = dq_dedupe::Table::new(vec!["nom".into(), "commune".into()]);
    /// assert!(t.is_empty());
    /// ```
    pub fn new(headers: Vec<String>) -> Table {
        let columns = headers.iter().map(|_| Column::default()).collect();
        Table { headers, columns, rows: 0 }
    }

    /// Appends a row; missing cells are empty and extra cells are ignored.
    ///
    /// # Example
    ///
    /// ```
    /// let mut t = dq_dedupe::Table::new(vec!["nom".into()]);
    /// t.push_row(["Durand"]);
    /// assert_eq!(t.cell(0, 0), "Durand");
    /// ```
    pub fn push_row<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) {
        let mut it = cells.into_iter();
        for col in &mut self.columns {
            col.push(it.next().unwrap_or(""));
        }
        self.rows += 1;
    }

    /// Reads a UTF-8 CSV table with a header row (flexible row lengths). The delimiter is
    /// the one of `,`, `;`, tab and `|` found most often outside quotes in the header
    /// line (a comma when none is), so a French `;` file is not read as one column. For
    /// other encodings, preambles or quoting, read the records with
    /// `dq_encoding::open_csv` and [`Table::push_row`], as `dq dedupe` does.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Csv`](crate::ErrorKind::Csv) when the CSV cannot be read or is not
    /// UTF-8.
    ///
    /// # Example
    ///
    /// ```
    /// let t = dq_dedupe::Table::from_csv_reader("a,b\n1,2\n3,4\n".as_bytes())?;
    /// assert_eq!(t.headers(), ["a", "b"]);
    /// let t = dq_dedupe::Table::from_csv_reader("siret;nom\n35600000000048;La Poste\n".as_bytes())?;
    /// assert_eq!(t.headers(), ["siret", "nom"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_csv_reader<R: Read>(mut rdr: R) -> Result<Table, Error> {
        let mut bytes = Vec::new();
        rdr.read_to_end(&mut bytes).map_err(csv::Error::from)?;
        let delimiter = header_delimiter(&bytes);
        let mut rdr =
            csv::ReaderBuilder::new().flexible(true).delimiter(delimiter).from_reader(&bytes[..]);
        let headers = rdr.headers()?.iter().map(str::to_owned).collect();
        let mut table = Table::new(headers);
        let mut rec = csv::StringRecord::new();
        while rdr.read_record(&mut rec)? {
            table.push_row(rec.iter());
        }
        Ok(table)
    }

    /// Reads a table from a configured `csv::Reader`: its headers, then every record. The
    /// front door for a file in any encoding and dialect is `dq_encoding::open_csv`, whose
    /// `CsvSource::reader()` is such a reader (UTF-8 records, the sniffed delimiter, the
    /// preamble skipped).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Csv`](crate::ErrorKind::Csv) when a record cannot be read; the reader's
    /// own error (a `dq_encoding::Error` with its line and byte offset, for a
    /// `dq_encoding` reader) is its source.
    ///
    /// # Example
    ///
    /// ```
    /// let mut rdr = csv::ReaderBuilder::new().delimiter(b'|').from_reader("a|b\n1|2\n".as_bytes());
    /// let t = dq_dedupe::Table::from_csv(&mut rdr)?;
    /// assert_eq!((t.headers(), t.cell(0, 1)), (&["a".to_owned(), "b".to_owned()][..], "2"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_csv<R: Read>(rdr: &mut csv::Reader<R>) -> Result<Table, Error> {
        let headers = rdr.headers()?.iter().map(str::to_owned).collect();
        let mut table = Table::new(headers);
        let mut rec = csv::StringRecord::new();
        while rdr.read_record(&mut rec)? {
            table.push_row(rec.iter());
        }
        Ok(table)
    }

    /// For each row, the first row identical to it on every column but those in `skip`
    /// (itself when none): the clusters of exact duplicate rows, compared after trimming
    /// spaces.
    ///
    /// # Example
    ///
    /// ```
    /// let t = dq_dedupe::Table::from_csv_reader("id,nom\n1,Martin\n2,Durand\n3,Martin \n".as_bytes())?;
    /// assert_eq!(t.exact_clusters(&[0]), [0, 1, 0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn exact_clusters(&self, skip: &[usize]) -> Vec<u32> {
        let cols: Vec<usize> = (0..self.headers.len()).filter(|c| !skip.contains(c)).collect();
        let mut first: std::collections::HashMap<Vec<&str>, u32> =
            std::collections::HashMap::with_capacity(self.rows);
        (0..self.rows)
            .map(|row| {
                let key: Vec<&str> = cols.iter().map(|&c| self.cell(row, c).trim()).collect();
                *first.entry(key).or_insert(row as u32)
            })
            .collect()
    }

    /// Column names.
    ///
    /// # Example
    ///
    /// ```
    /// let t = dq_dedupe::Table::new(vec!["siren".into()]);
    /// assert_eq!(t.headers(), ["siren"]);
    /// ```
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// Number of rows.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dq_dedupe::Table::new(vec![]).len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.rows
    }

    /// Whether the table has no row.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(dq_dedupe::Table::new(vec![]).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// The cell at `row`, `column` (empty when out of range).
    ///
    /// # Example
    ///
    /// ```
    /// let mut t = dq_dedupe::Table::new(vec!["cp".into()]);
    /// t.push_row(["75001"]);
    /// assert_eq!(t.cell(0, 0), "75001");
    /// assert_eq!(t.cell(5, 5), "");
    /// ```
    pub fn cell(&self, row: usize, column: usize) -> &str {
        self.columns.get(column).map_or("", |c| c.get(row))
    }

    /// The index of the column named `name`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownColumn`](crate::ErrorKind::UnknownColumn) when there is none.
    ///
    /// # Example
    ///
    /// ```
    /// let t = dq_dedupe::Table::new(vec!["nom".into()]);
    /// assert_eq!(t.column_index("nom")?, 0);
    /// assert!(t.column_index("prenom").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn column_index(&self, name: &str) -> Result<usize, Error> {
        self.headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| crate::error::Repr::UnknownColumn(name.to_owned()).into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The headers and first row read from `input`.
    fn check(input: &str, expected: &[&str], first: &[&str]) {
        let t = Table::from_csv_reader(input.as_bytes()).unwrap();
        assert_eq!(t.headers(), expected, "{input:?}");
        let row: Vec<&str> = (0..t.headers().len()).map(|c| t.cell(0, c)).collect();
        assert_eq!(row, first, "{input:?}");
    }

    #[test]
    fn delimiters() {
        check("a,b\n1,2\n", &["a", "b"], &["1", "2"]);
        check(
            "siret;nom\n35600000000048;La Poste\n",
            &["siret", "nom"],
            &["35600000000048", "La Poste"],
        );
        check("nom\tcp\nDupont\t75011\n", &["nom", "cp"], &["Dupont", "75011"]);
        check(
            "Reference|Titre\n0988|La Joconde\n",
            &["Reference", "Titre"],
            &["0988", "La Joconde"],
        );
        // A `;` inside quotes does not count; a single column stays one.
        check("\"a;b\",c\n\"1;2\",3\n", &["a;b", "c"], &["1;2", "3"]);
        check("nom\nDupont\n", &["nom"], &["Dupont"]);
    }

    proptest::proptest! {
        #[test]
        fn prop_from_csv_reader_never_panics(input in ".{0,200}") {
            let _ = Table::from_csv_reader(input.as_bytes());
        }
    }
}
