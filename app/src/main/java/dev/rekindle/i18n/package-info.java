/**
 * Interface text in English and Chinese. The English text in the code is the key (gettext style): a
 * command writes {@code Tr.f("Customers  %,d", n)} and the Chinese catalog {@code i18n/zh.po} maps that
 * text to its translation. Missing translations fall back to English; a test lists every string the code
 * passes to {@link dev.rekindle.i18n.Tr} (and every help description) that the catalog lacks.
 * Machine-readable output ({@code --format json|csv}), data values and log lines stay English.
 */
package dev.rekindle.i18n;
