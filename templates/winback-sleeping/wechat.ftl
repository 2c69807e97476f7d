${customer.salutation}，真的好久不见了！这${facts.days_since}天里${shop.name}上了很多好物，一直想和您分享。
<#if offer.title?has_content>这是专门为老朋友准备的【${offer.title}】：${offer.detail}。
</#if>回来看看吧：${links.shop}

${shop.name}
不想再收到此类消息？回复TD即可退订。
