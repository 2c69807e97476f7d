/**
 * Customers: looking one up, finding by name or mobile, and erasing a person's data on request (PIPL); the
 * rules for where a customer can be reached ({@link dev.rekindle.customer.ContactAddresses}) and the
 * consents recorded for them ({@link dev.rekindle.customer.Consents}), which planning and rendering read.
 */
package dev.rekindle.customer;
