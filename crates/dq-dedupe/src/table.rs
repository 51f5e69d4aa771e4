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

    pub(crate) fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends.get(i - 1).copied().unwrap_or(0) };
        let end = self.ends.get(i).copied().unwrap_or(start);
        self.buf.get(start..end).unwrap_or("")
    }
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

    /// Reads a UTF-8 CSV table with a header row (flexible row lengths).
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
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_csv_reader<R: Read>(rdr: R) -> Result<Table, Error> {
        let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(rdr);
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
