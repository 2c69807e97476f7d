【${shop.signature}】${customer.salutation}，${facts.product}已上架，邀您抢先体验！<#if offer.title?has_content>老客可领${offer.title}。</#if>${optout}
