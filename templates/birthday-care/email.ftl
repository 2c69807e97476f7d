<#-- Email: three parts. subject and text are plain text; html is HTML (values are escaped for you). -->
<#macro subject>${customer.salutation}，提前祝您生日快乐</#macro>

<#macro text>
${customer.salutation}，您好！

${facts.birthday}就是您的生日了。${shop.name}全体小伙伴提前祝您生日快乐，新的一岁平安喜乐、万事顺意！<#if offer.title?has_content>
我们为您准备了${offer.title}：${offer.detail}。</#if>

—— ${shop.name}
</#macro>

<#macro html>
<div style="font-family:sans-serif;font-size:15px;line-height:1.7;color:#333">
<p>${customer.salutation}，您好！</p>
<p>${facts.birthday}就是您的生日了。${shop.name}全体小伙伴提前祝您<b>生日快乐</b>，新的一岁平安喜乐、万事顺意！</p>
<#if offer.title?has_content><p>我们为您准备了 <b>${offer.title}</b>：${offer.detail}。</p>
</#if>
<p>—— ${shop.name}</p>
</div>
</#macro>
