${customer.salutation}，好久不见！您已经${facts.days_since}天没来${shop.name}了，我们一直记着您。
<#if offer.title?has_content>这是专门为老朋友准备的【${offer.title}】：${offer.detail}。
</#if>回来看看吧：${links.shop}

${shop.name}
不想再收到此类消息？回复TD即可退订。
