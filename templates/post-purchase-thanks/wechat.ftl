${customer.salutation}，您好！
感谢您${facts.days}天前在${shop.name}下的第一单 🙏
您买的${facts.category}还满意吗？有任何问题都可以直接回复我，我们会尽快帮您处理。
祝您生活愉快！
