//! Mojibake repair, cell by cell (work in progress).
