<#-- Email: three parts. subject and text are plain text; html is HTML (values are escaped for you). -->
<#macro subject>${customer.salutation}，您的VIP专属权益已开通</#macro>

<#macro text>
尊敬的${customer.salutation}：

您是${shop.name}最重要的会员之一，感谢您一直以来的信任。
<#if offer.title?has_content>我们为您准备了专属权益${offer.title}：${offer.detail}。
</#if>有任何需要，直接回复这封邮件，专属客服为您服务。

—— ${shop.name}
退订：${links.unsubscribe}
</#macro>

<#macro html>
<div style="font-family:sans-serif;font-size:15px;line-height:1.7;color:#333">
<p>尊敬的${customer.salutation}：</p>
<p>您是${shop.name}最重要的会员之一，感谢您一直以来的信任。</p>
<#if offer.title?has_content><p>我们为您准备了专属权益 <b>${offer.title}</b>：${offer.detail}。</p>
</#if><p>有任何需要，直接回复这封邮件，专属客服为您服务。</p>
<p>—— ${shop.name}</p>
<p style="color:#999;font-size:12px">不想再收到此类邮件？<a href="${links.unsubscribe}">一键退订</a></p>
</div>
</#macro>
