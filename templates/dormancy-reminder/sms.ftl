【${shop.signature}】${customer.salutation}，好久没来逛逛啦！<#if offer.title?has_content>送您一张${offer.title}（${offer.detail}），</#if>等您回来~${optout}
