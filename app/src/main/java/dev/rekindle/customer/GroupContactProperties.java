package dev.rekindle.customer;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shop's customer group that group channels (e.g. the Taobao group) post to. The key belongs to the
 * campaigns' settings (rekindle.campaigns.group-name); it is bound here because the customer's contact
 * addresses offer it as every customer's group contact, and customer data must not depend on the campaign package.
 *
 * @param groupName the group's name; empty = customers have no group contact
 */
@ConfigurationProperties("rekindle.campaigns")
public record GroupContactProperties(String groupName) {
}
