/**
 * Imports: the operator's order, customer and consent files, as they come — Taobao/Tmall reports in GBK,
 * generic CSVs, line items with returns, CDNOW. One transaction per file (all rows or none, unless
 * {@code --skip-bad}), idempotent re-imports, errors that name file, line, column and value, and streaming
 * so that millions of rows fit in a small heap.
 */
package dev.rekindle.imports;
