<#-- Email: three parts. subject and text are plain text; html is HTML (values are escaped for you). -->
<#macro subject>${shop.name}祝您${facts.holiday}快乐</#macro>

<#macro text>
${customer.salutation}，您好！

${facts.holiday_date}就是${facts.holiday}了。${shop.name}祝您和家人${facts.greeting}！
谢谢您一直以来的支持与陪伴。

—— ${shop.name}
</#macro>

<#macro html>
<div style="font-family:sans-serif;font-size:15px;line-height:1.7;color:#333">
<p>${customer.salutation}，您好！</p>
<p>${facts.holiday_date}就是${facts.holiday}了。${shop.name}祝您和家人<b>${facts.greeting}</b>！</p>
<p>谢谢您一直以来的支持与陪伴。</p>
<p>—— ${shop.name}</p>
</div>
</#macro>
