【${shop.signature}】${customer.salutation}，您${facts.bought_on}买的${facts.category}快用完了吧？<#if offer.title?has_content>回购可用${offer.title}。</#if>${optout}
