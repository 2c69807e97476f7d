@${customer.id} 亲，感谢您在${shop.name}的第一单～您买的${facts.category}还满意吗？有问题随时在群里@客服哦！
