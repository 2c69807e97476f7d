<#-- Email: three parts. subject and text are plain text; html is HTML (values are escaped for you). -->
<#macro subject>${customer.salutation}，想您了，给您准备了专属优惠</#macro>

<#macro text>
${customer.salutation}，您好！

真的好久不见了！这${facts.days_since}天里${shop.name}上了很多好物，一直想和您分享。
<#if offer.title?has_content>这是专门为老朋友准备的${offer.title}：${offer.detail}。
</#if>回来看看吧：${links.shop}

—— ${shop.name}
退订：${links.unsubscribe}
</#macro>

<#macro html>
<div style="font-family:sans-serif;font-size:15px;line-height:1.7;color:#333">
<p>${customer.salutation}，您好！</p>
<p>真的好久不见了！这${facts.days_since}天里${shop.name}上了很多好物，一直想和您分享。</p>
<#if offer.title?has_content><p>这是专门为老朋友准备的 <b>${offer.title}</b>：${offer.detail}。</p>
</#if><p><a href="${links.shop}">回来看看</a></p>
<p>—— ${shop.name}</p>
<p style="color:#999;font-size:12px">不想再收到此类邮件？<a href="${links.unsubscribe}">一键退订</a></p>
</div>
</#macro>
