<#-- Email: three parts. subject and text are plain text; html is HTML (values are escaped for you). -->
<#macro subject>${customer.salutation}，好久不见，给您留了一份心意</#macro>

<#macro text>
${customer.salutation}，您好！

距离您上次在${shop.name}购物已经${facts.days_since}天了，最近我们上了不少新品。
<#if offer.title?has_content>特意为您留了一张${offer.title}：${offer.detail}。
</#if>有空回来逛逛：${links.shop}

—— ${shop.name}
退订：${links.unsubscribe}
</#macro>

<#macro html>
<div style="font-family:sans-serif;font-size:15px;line-height:1.7;color:#333">
<p>${customer.salutation}，您好！</p>
<p>距离您上次在${shop.name}购物已经${facts.days_since}天了，最近我们上了不少新品。</p>
<#if offer.title?has_content><p>特意为您留了一张 <b>${offer.title}</b>：${offer.detail}。</p>
</#if><p><a href="${links.shop}">回店里逛逛</a></p>
<p>—— ${shop.name}</p>
<p style="color:#999;font-size:12px">不想再收到此类邮件？<a href="${links.unsubscribe}">一键退订</a></p>
</div>
</#macro>
