${customer.salutation}，这是我们最后一次打扰您了。距离您上次来${shop.name}已经${facts.days_since}天，如果还想念我们，这份心意一直为您留着。
<#if offer.title?has_content>这是专门为老朋友准备的【${offer.title}】：${offer.detail}。
</#if>回来看看吧：${links.shop}

${shop.name}
不想再收到此类消息？回复TD即可退订。
