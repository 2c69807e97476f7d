/** Customers: looking one up, finding by name or mobile, and erasing a person's data on request (PIPL). */
package dev.rekindle.customer;
