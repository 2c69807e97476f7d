@${customer.id} 亲，${facts.product}上架啦！<#if offer.title?has_content>老客专享【${offer.title}】：${offer.detail}，</#if>名额有限先到先得～
