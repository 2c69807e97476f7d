@${customer.id} 亲，想您了！<#if offer.title?has_content>老客专属【${offer.title}】已为您准备好（${offer.detail}），</#if>群里等您回来～
