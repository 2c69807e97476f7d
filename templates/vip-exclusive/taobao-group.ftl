@${customer.id} 尊敬的会员，感谢您一直以来的支持！<#if offer.title?has_content>您的VIP专属权益【${offer.title}】已开通（${offer.detail}）。</#if>
