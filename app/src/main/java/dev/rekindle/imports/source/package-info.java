/**
 * Import files as text and rows: encoding detection (UTF-8, GBK/GB18030, BOMs), strict decoding that
 * names the line and column of bad bytes, CSV and space-separated rows, and which column holds which field
 * ({@code --map} and recognised header names).
 */
package dev.rekindle.imports.source;
