<#-- Email: three parts. subject and text are plain text; html is HTML (values are escaped for you). -->
<#macro subject>${customer.salutation}，您的${facts.category}该补货啦</#macro>

<#macro text>
${customer.salutation}，您好！

您${facts.bought_on}在${shop.name}买的${facts.category}，算算日子大约还能用${facts.days_left}天。
<#if offer.title?has_content>这次回购可以用${offer.title}：${offer.detail}。
</#if>补货：${links.shop}

—— ${shop.name}
退订：${links.unsubscribe}
</#macro>

<#macro html>
<div style="font-family:sans-serif;font-size:15px;line-height:1.7;color:#333">
<p>${customer.salutation}，您好！</p>
<p>您${facts.bought_on}在${shop.name}买的<b>${facts.category}</b>，算算日子大约还能用${facts.days_left}天。</p>
<#if offer.title?has_content><p>这次回购可以用 <b>${offer.title}</b>：${offer.detail}。</p>
</#if><p><a href="${links.shop}">去补货</a></p>
<p>—— ${shop.name}</p>
<p style="color:#999;font-size:12px">不想再收到此类邮件？<a href="${links.unsubscribe}">一键退订</a></p>
</div>
</#macro>
