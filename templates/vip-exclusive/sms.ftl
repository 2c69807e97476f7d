【${shop.signature}】尊敬的${customer.salutation}，感谢您一直的支持！作为${shop.name}重要会员，<#if offer.title?has_content>您已获得${offer.title}。</#if>${optout}
