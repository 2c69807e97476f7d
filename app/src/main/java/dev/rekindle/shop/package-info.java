/** Facts about the operator's shop that every feature needs: its name, SMS signature and time zone. */
package dev.rekindle.shop;
