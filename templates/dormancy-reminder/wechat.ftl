${customer.salutation}，好久不见！
距离您上次在${shop.name}购物已经${facts.days_since}天了，最近上了不少新品。
<#if offer.title?has_content>特意为您留了一张【${offer.title}】：${offer.detail}。
</#if>有空回来逛逛吧：${links.shop}

${shop.name}
不想再收到此类消息？回复TD即可退订。
