${customer.salutation}，您是我们${facts.category}的老朋友了！
${facts.product}刚刚上架，想第一个邀请您体验。
<#if offer.title?has_content>【${offer.title}】${offer.detail}。
</#if>详情：${links.shop}

${shop.name}
不想再收到此类消息？回复TD即可退订。
