【${shop.signature}】${customer.salutation}，${facts.birthday}是您的生日，${shop.name}提前祝您生日快乐，新的一岁平安喜乐！<#if offer.title?has_content>${offer.title}已为您备好。</#if>
