<#-- Email: three parts. subject and text are plain text; html is HTML (values are escaped for you). -->
<#macro subject>${customer.salutation}，感谢您的第一次购物</#macro>

<#macro text>
${customer.salutation}，您好！

感谢您${facts.days}天前在${shop.name}下的第一单。您买的${facts.category}还满意吗？
如果有任何问题，直接回复这封邮件，我们会尽快帮您处理。

祝您生活愉快！

—— ${shop.name}
</#macro>

<#macro html>
<div style="font-family:sans-serif;font-size:15px;line-height:1.7;color:#333">
<p>${customer.salutation}，您好！</p>
<p>感谢您${facts.days}天前在${shop.name}下的第一单。您买的<b>${facts.category}</b>还满意吗？</p>
<p>如果有任何问题，直接回复这封邮件，我们会尽快帮您处理。祝您生活愉快！</p>
<p>—— ${shop.name}</p>
</div>
</#macro>
