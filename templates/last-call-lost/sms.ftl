【${shop.signature}】${customer.salutation}，最后一次打扰您～<#if offer.title?has_content>送您一张${offer.title}（${offer.detail}），</#if>期待您回来~${optout}
