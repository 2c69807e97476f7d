尊敬的${customer.salutation}：
您是${shop.name}最重要的会员之一，感谢您一直以来的信任。
<#if offer.title?has_content>我们为您准备了专属权益【${offer.title}】：${offer.detail}。
</#if>有任何需要，直接回复我，专属客服为您服务。

${shop.name}
不想再收到此类消息？回复TD即可退订。
