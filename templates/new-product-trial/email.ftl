<#-- Email: three parts. subject and text are plain text; html is HTML (values are escaped for you). -->
<#macro subject>${customer.salutation}，${facts.product}邀您抢先体验</#macro>

<#macro text>
${customer.salutation}，您好！

您是我们${facts.category}的老朋友了。${facts.product}刚刚上架，想第一个邀请您体验。
<#if offer.title?has_content>${offer.title}：${offer.detail}。
</#if>详情：${links.shop}

—— ${shop.name}
退订：${links.unsubscribe}
</#macro>

<#macro html>
<div style="font-family:sans-serif;font-size:15px;line-height:1.7;color:#333">
<p>${customer.salutation}，您好！</p>
<p>您是我们${facts.category}的老朋友了。<b>${facts.product}</b>刚刚上架，想第一个邀请您体验。</p>
<#if offer.title?has_content><p><b>${offer.title}</b>：${offer.detail}。</p>
</#if><p><a href="${links.shop}">查看详情</a></p>
<p>—— ${shop.name}</p>
<p style="color:#999;font-size:12px">不想再收到此类邮件？<a href="${links.unsubscribe}">一键退订</a></p>
</div>
</#macro>
