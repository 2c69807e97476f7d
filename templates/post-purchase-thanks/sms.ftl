【${shop.signature}】${customer.salutation}，感谢您在${shop.name}的第一次购物！您买的${facts.category}还满意吗？有问题随时找我们。
