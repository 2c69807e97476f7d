package dev.rekindle.api;

/** Why a message is sent: care (service, greetings) and marketing obey different consent rules and caps. */
public enum Purpose {
    CARE,
    MARKETING
}
