${customer.salutation}，您${facts.bought_on}在${shop.name}买的${facts.category}，算算日子大约还能用${facts.days_left}天。
需要补货的话，<#if offer.title?has_content>这次可以用【${offer.title}】（${offer.detail}），</#if>别等用完再着急～
${links.shop}

${shop.name}
不想再收到此类消息？回复TD即可退订。
