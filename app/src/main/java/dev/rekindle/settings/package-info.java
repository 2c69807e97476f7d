/**
 * The effective settings and where each came from ({@code settings}). The settings themselves are typed
 * records in the package of each feature ({@code *Properties}); their defaults are in the shipped
 * application.yml.
 */
package dev.rekindle.settings;
