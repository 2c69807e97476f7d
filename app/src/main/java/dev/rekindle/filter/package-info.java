/**
 * The filter language operators write segments in ({@code stage = silent and m >= 4}): a lexer and parser
 * that point at the position of a mistake, a registry of fields other features extend with one entry each
 * ({@link dev.rekindle.filter.FilterFieldProvider}), and a compiler to SQL with bound parameters only —
 * operator text never becomes SQL text.
 */
package dev.rekindle.filter;
