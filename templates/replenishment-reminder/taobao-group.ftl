@${customer.id} 亲，您${facts.bought_on}买的${facts.category}快用完啦，<#if offer.title?has_content>回购可用【${offer.title}】（${offer.detail}），</#if>记得补货哦～
