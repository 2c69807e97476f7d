${customer.salutation}，${facts.birthday}就是您的生日啦 🎂
${shop.name}全体小伙伴提前祝您生日快乐，新的一岁平安喜乐、万事顺意！<#if offer.title?has_content>
我们为您准备了${offer.title}：${offer.detail}。</#if>
