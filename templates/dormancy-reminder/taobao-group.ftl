@${customer.id} 亲，好久没见您来店里啦～<#if offer.title?has_content>老客专属【${offer.title}】已发到您的账户（${offer.detail}），</#if>有空回来逛逛！
