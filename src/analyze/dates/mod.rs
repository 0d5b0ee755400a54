//! Date expressions: finding and normalising them. Filled in by the dates work.
