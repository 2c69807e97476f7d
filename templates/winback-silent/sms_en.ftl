【${shop.signature}】Hi ${customer.name}, we miss you!<#if offer.title?has_content> ${offer.code} is waiting for you.</#if> Reply T to unsubscribe
