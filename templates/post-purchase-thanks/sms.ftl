【${shop.signature}】${customer.salutation}，感谢您在${shop.name}的第一次购物！${facts.category}用得还顺手吗？有问题随时找我们。
