<#-- Email: three parts. subject and text are plain text; html is HTML (values are escaped for you). -->
<#macro subject>${customer.salutation}，最后一份专属心意，请查收</#macro>

<#macro text>
${customer.salutation}，您好！

这是我们最后一次打扰您了。距离您上次来${shop.name}已经${facts.days_since}天，如果还想念我们，这份心意一直为您留着。
<#if offer.title?has_content>这是专门为老朋友准备的${offer.title}：${offer.detail}。
</#if>回来看看吧：${links.shop}

—— ${shop.name}
退订：${links.unsubscribe}
</#macro>

<#macro html>
<div style="font-family:sans-serif;font-size:15px;line-height:1.7;color:#333">
<p>${customer.salutation}，您好！</p>
<p>这是我们最后一次打扰您了。距离您上次来${shop.name}已经${facts.days_since}天，如果还想念我们，这份心意一直为您留着。</p>
<#if offer.title?has_content><p>这是专门为老朋友准备的 <b>${offer.title}</b>：${offer.detail}。</p>
</#if><p><a href="${links.shop}">回来看看</a></p>
<p>—— ${shop.name}</p>
<p style="color:#999;font-size:12px">不想再收到此类邮件？<a href="${links.unsubscribe}">一键退订</a></p>
</div>
</#macro>
