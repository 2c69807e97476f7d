【${shop.signature}】${customer.salutation}，好久不见，甚是想念！<#if offer.title?has_content>送您一张${offer.title}（${offer.detail}），</#if>期待您回来~${optout}
