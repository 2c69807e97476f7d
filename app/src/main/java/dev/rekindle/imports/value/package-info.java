/**
 * Reading single values the way operators' exports write them: dates and times in many shapes, amounts
 * with currency signs, Taobao order statuses, masked phone numbers, addresses. Each reader returns the
 * store's form or throws {@link dev.rekindle.imports.value.BadValue} saying what is wrong and how to fix it.
 */
package dev.rekindle.imports.value;
